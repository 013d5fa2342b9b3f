package io.selvedge.identity;

import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An account turned off a second factor ({@code method}: {@code totp}), with a fresh code. */
public record MfaRemoved(UUID accountId, String method, RequestOrigin auditOrigin) implements AccountEvent {

    @Override
    public String auditAction() {
        return "mfa.removed";
    }
}
