package io.selvedge.identity;

import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * An account signed in, or completed a step of signing in: {@code factor} is {@code password},
 * {@code one-time-code}, {@code recovery-code} or {@code passkey}; {@code complete} is false while a second
 * factor is still to come.
 */
public record SignInSucceeded(UUID accountId, String factor, boolean complete, RequestOrigin auditOrigin)
        implements AccountEvent {

    @Override
    public String auditAction() {
        return "sign-in.succeeded";
    }
}
