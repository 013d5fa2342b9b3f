package io.selvedge.identity;

import java.time.Instant;
import java.util.UUID;

/**
 * An account as its owner, and the member lists of other modules, see it. {@code staffRole} is null for
 * customers; {@code email} and {@code displayName} are null when the account has none.
 */
public record AccountSummary(
        UUID id,
        String username,
        String staffRole,
        boolean mfaEnrolled,
        Instant createdAt,
        Instant lastSignInAt,
        String email,
        String displayName) {

    @Override
    public String toString() {
        return "AccountSummary[id=" + id + "]";
    }
}
