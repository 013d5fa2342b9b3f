package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A comment's body or resolved state was changed. */
public record CommentEdited(
        UUID groupId, UUID styleId, UUID commentId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements CommentEvent {

    @Override
    public String auditAction() {
        return "comment.edited";
    }
}
