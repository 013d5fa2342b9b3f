package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A share of a workroom (or style) was removed. */
public record ShareRemoved(
        UUID groupId, UUID nodeId, Level level, UUID accountId, Role role, UUID removedBy, RequestOrigin origin)
        implements MemberEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(removedBy);
    }

    @Override
    public String auditAction() {
        return "share.removed";
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
