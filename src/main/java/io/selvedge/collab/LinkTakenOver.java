package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An admin took a share link over: it now answers to them, no longer to {@code previousOwner}. */
public record LinkTakenOver(UUID groupId, UUID linkId, UUID previousOwner, UUID actor, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(actor);
    }

    @Override
    public String auditAction() {
        return "link.taken-over";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("link", linkId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
