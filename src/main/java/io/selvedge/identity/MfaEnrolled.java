package io.selvedge.identity;

import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An account turned on a second factor: {@code method} is {@code totp} or {@code passkey}. */
public record MfaEnrolled(UUID accountId, String method, RequestOrigin auditOrigin) implements AccountEvent {

    @Override
    public String auditAction() {
        return "mfa.enrolled";
    }
}
