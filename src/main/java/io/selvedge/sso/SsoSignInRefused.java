package io.selvedge.sso;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An SSO sign-in through the group's connection was refused; the action names the reason
 * ({@code sso.sign-in.refused.bad-state}). {@code accountId} is null when no account was known.
 */
public record SsoSignInRefused(
        UUID groupId, UUID connectionId, @Nullable UUID accountId, String reason, RequestOrigin origin)
        implements ConnectionEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.accountOrSystem(accountId);
    }

    @Override
    public String auditAction() {
        return "sso.sign-in.refused." + reason;
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.FAILED;
    }
}
