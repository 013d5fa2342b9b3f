package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A comment was deleted, by its author or by someone allowed to delete anyone's. */
public record CommentDeleted(
        UUID groupId, UUID styleId, UUID commentId, UUID authorId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements CommentEvent {

    @Override
    public String auditAction() {
        return "comment.deleted";
    }
}
