package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An admin removed every second factor of an account (TOTP, recovery codes, passkeys), ended its sessions and API tokens; the account must enrol again. */
public record MfaReset(UUID accountId, AuditActor auditActor, RequestOrigin auditOrigin) implements AccountEvent {

    @Override
    public String auditAction() {
        return "mfa.reset";
    }
}
