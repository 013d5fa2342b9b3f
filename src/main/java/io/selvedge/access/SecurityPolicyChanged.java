package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A group's security policy was changed (outcome SUCCEEDED, with the new version), or a change was refused because it was invalid or would have locked its author out (FAILED, version unchanged). Settings are not content: the event carries them, so the trail shows what was set. */
public record SecurityPolicyChanged(
        UUID groupId,
        UUID changedBy,
        long version,
        boolean mfaRequired,
        @Nullable Long idleTimeoutSeconds,
        @Nullable Long absoluteTimeoutSeconds,
        boolean passwordSignIn,
        int ipAllowListSize,
        boolean linkDownloadsForAnyone,
        boolean refused,
        RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(changedBy);
    }

    @Override
    public String auditAction() {
        return "security-policy.changed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("group", groupId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return refused ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED;
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
