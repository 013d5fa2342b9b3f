package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.Set;
import java.util.UUID;

/** A comment was posted on a style; {@code mentioned} are the accounts it mentions that may see the style. */
public record CommentPosted(
        UUID groupId, UUID styleId, UUID commentId, Set<UUID> mentioned, UUID actor, RequestOrigin origin)
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
        return "comment.posted";
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
