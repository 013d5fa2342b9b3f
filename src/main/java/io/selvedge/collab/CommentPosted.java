package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.Set;
import java.util.UUID;

/** A comment was posted on a style; {@code mentioned} are the accounts it mentions that may see the style. */
public record CommentPosted(
        UUID groupId,
        UUID styleId,
        UUID commentId,
        Set<UUID> mentioned,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements CommentEvent {

    @Override
    public String auditAction() {
        return "comment.posted";
    }
}
