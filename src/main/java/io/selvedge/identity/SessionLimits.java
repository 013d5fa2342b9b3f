package io.selvedge.identity;

import java.time.Duration;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Tighter web-session limits for an account than the installation's ({@code selvedge.sessions.*}): the
 * access module answers with the strictest of the account's groups' security policies. Every bean of this
 * type is asked on each web request of a signed-in session, and the shortest limit wins; a limit longer than
 * the installation's never loosens it. Keep implementations to a cheap, cached look-up.
 */
public interface SessionLimits {

    Limits limitsFor(UUID accountId);

    /** Null for no limit of this implementation's own (the installation's default holds). */
    record Limits(@Nullable Duration idleTimeout, @Nullable Duration absoluteTimeout) {

        public static Limits none() {
            return new Limits(null, null);
        }
    }
}
