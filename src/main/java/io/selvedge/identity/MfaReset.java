package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An admin removed every second factor of an account (TOTP, recovery codes, passkeys), ended its sessions and API tokens; the account must enrol again. */
public record MfaReset(UUID accountId, UUID byAccountId, RequestOrigin auditOrigin) implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return null;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(byAccountId);
    }

    @Override
    public String auditAction() {
        return "mfa.reset";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }
}
