package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A style moved to another workroom of its group. */
public record StyleMoved(
        UUID groupId, UUID styleId, UUID fromWorkroomId, UUID toWorkroomId, UUID actor, RequestOrigin origin)
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
        return "style.moved";
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
