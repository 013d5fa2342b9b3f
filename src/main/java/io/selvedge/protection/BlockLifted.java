package io.selvedge.protection;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A staff member lifted a block before its end; on the platform trail, named by the block's id. */
public record BlockLifted(String blockId, UUID byAccount, RequestOrigin auditOrigin) implements BlockEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(byAccount);
    }

    @Override
    public String auditAction() {
        return "block.lifted";
    }
}
