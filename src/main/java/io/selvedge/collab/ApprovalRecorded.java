package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A style was put in review, approved or rejected; the history keeps it. */
public record ApprovalRecorded(
        UUID groupId, UUID styleId, UUID approvalId, String status, UUID actor, RequestOrigin origin)
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
        return "style.approval";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("style", styleId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
