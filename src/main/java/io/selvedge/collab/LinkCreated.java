package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A share link was created for a style or a workroom. */
public record LinkCreated(UUID groupId, UUID linkId, UUID targetId, UUID actor, RequestOrigin origin)
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
        return "link.created";
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
