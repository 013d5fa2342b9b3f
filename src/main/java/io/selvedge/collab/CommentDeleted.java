package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A comment was deleted, by its author or by someone allowed to delete anyone's. */
public record CommentDeleted(
        UUID groupId, UUID styleId, UUID commentId, UUID authorId, UUID actor, RequestOrigin origin)
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
        return "comment.deleted";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("comment", commentId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
