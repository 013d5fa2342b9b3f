package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A workroom (or style) was shared with an account as editor or viewer, or the share's role or flags changed. */
public record ShareCreated(
        UUID groupId,
        UUID nodeId,
        Level level,
        UUID accountId,
        Role role,
        boolean allowDownload,
        boolean allowUpload,
        UUID sharedBy,
        RequestOrigin origin)
        implements MemberEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(sharedBy);
    }

    @Override
    public String auditAction() {
        return "share.created";
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
