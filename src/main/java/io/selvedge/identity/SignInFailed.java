package io.selvedge.identity;

import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A sign-in attempt failed. {@code accountId} is null for an unknown username (the username itself is not
 * kept: it may be a password typed in the wrong field). {@code factor} is {@code password},
 * {@code one-time-code}, {@code passkey} or {@code ldap} (a password an organisation's directory checks);
 * {@code reason} says why, without any secret: {@code wrong-password}, {@code unknown-account},
 * {@code disabled}, {@code throttled}, {@code wrong-code}, {@code passkey-rejected}, and for {@code ldap}
 * the directory's reasons ({@code ambiguous-account}, {@code directory-unreachable},
 * {@code untrusted-certificate}…).
 */
public record SignInFailed(@Nullable UUID accountId, String factor, String reason, RequestOrigin auditOrigin)
        implements AccountEvent {

    @Override
    public String auditAction() {
        return "sign-in.failed";
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.FAILED;
    }
}
