package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group's security policy was changed (outcome SUCCEEDED, with the new version), or a change was refused because
 * it was invalid or would have locked its author out (FAILED, version unchanged). Settings are not content: the
 * event carries them, so the trail shows what was set, and {@code weakened} says how the change loosened the
 * policy it replaced ({@link SecurityPolicy#weakenedIn}), for the privilege-change detection on any node.
 */
public record SecurityPolicyChanged(
        UUID groupId,
        AuditActor auditActor,
        long version,
        boolean mfaRequired,
        @Nullable Long idleTimeoutSeconds,
        @Nullable Long absoluteTimeoutSeconds,
        boolean passwordSignIn,
        int ipAllowListSize,
        boolean linkDownloadsForAnyone,
        List<String> weakened,
        boolean refused,
        RequestOrigin auditOrigin)
        implements GroupEvent {

    public SecurityPolicyChanged {
        weakened = weakened == null ? List.of() : List.copyOf(weakened); // events stored before it had none
    }

    @Override
    public String auditAction() {
        return "security-policy.changed";
    }

    @Override
    public AuditOutcome auditOutcome() {
        return refused ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED;
    }
}
