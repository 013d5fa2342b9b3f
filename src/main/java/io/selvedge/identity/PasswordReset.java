package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reset link was used: SUCCEEDED, the password was replaced and the web sessions ended (the actor is
 * the link); FAILED, the link was unknown, used or expired ({@code accountId} and {@code linkId} then
 * null unless the link was known).
 */
public record PasswordReset(
        @Nullable UUID accountId, @Nullable UUID linkId, AuditOutcome outcome, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return null;
    }

    @Override
    public AuditActor auditActor() {
        return linkId == null ? AuditActor.system() : AuditActor.link(linkId);
    }

    @Override
    public String auditAction() {
        return "password.reset";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return outcome;
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
