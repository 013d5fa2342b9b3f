package io.selvedge.protection;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A client was blocked, by the system (a trigger, {@code reason}) or a staff member; on the platform trail,
 * named by the block's id (an address, or a token's hash).
 */
public record BlockAdded(String blockId, @Nullable UUID byAccount, String reason, int level, RequestOrigin auditOrigin)
        implements BlockEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.accountOrSystem(byAccount);
    }

    @Override
    public String auditAction() {
        return "block.added";
    }
}
