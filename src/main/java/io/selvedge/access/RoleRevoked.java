package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A role (or share) held by an account on a node was removed. */
public record RoleRevoked(
        UUID groupId,
        UUID nodeId,
        Level level,
        UUID accountId,
        Role role,
        @Nullable UUID revokedBy,
        RequestOrigin auditOrigin)
        implements MemberEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.accountOrSystem(revokedBy);
    }

    @Override
    public String auditAction() {
        return "role.revoked";
    }
}
