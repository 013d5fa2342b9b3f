package io.selvedge.collab;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** Something that happened to one comment: audited with the comment as target. */
public interface CommentEvent extends GroupEvent {

    UUID commentId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("comment", commentId());
    }
}
