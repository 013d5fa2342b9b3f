package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A comment's body or resolved state was changed. */
public record CommentEdited(UUID groupId, UUID styleId, UUID commentId, UUID actor, RequestOrigin origin)
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
        return "comment.edited";
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
