package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A share of a workroom (or style) was removed. */
public record ShareRemoved(
        UUID groupId, UUID nodeId, Level level, UUID accountId, Role role, UUID removedBy, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(removedBy);
    }

    @Override
    public String auditAction() {
        return "share.removed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
