package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A reset link was used: SUCCEEDED, the password was replaced and the web sessions ended (the actor is
 * the link); FAILED, the link was unknown, used or expired ({@code accountId} and {@code linkId} then
 * null unless the link was known).
 */
public record PasswordReset(
        @Nullable UUID accountId, @Nullable UUID linkId, AuditOutcome auditOutcome, RequestOrigin auditOrigin)
        implements AccountEvent {

    @Override
    public AuditActor auditActor() {
        return linkId == null ? AuditActor.system() : AuditActor.link(linkId);
    }

    @Override
    public String auditAction() {
        return "password.reset";
    }
}
