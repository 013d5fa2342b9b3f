package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Someone asked for a password reset link, without signing in (so the actor is the system, the origin
 * says from where). {@code accountId} is null, and the outcome FAILED, when no account matched: the
 * answer to the requester was the same.
 */
public record PasswordResetRequested(@Nullable UUID accountId, RequestOrigin auditOrigin) implements AccountEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.system();
    }

    @Override
    public String auditAction() {
        return "password-reset.requested";
    }

    @Override
    public AuditOutcome auditOutcome() {
        return accountId == null ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED;
    }
}
