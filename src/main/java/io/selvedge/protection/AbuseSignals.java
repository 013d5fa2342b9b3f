package io.selvedge.protection;

import org.jspecify.annotations.Nullable;

/**
 * What other modules tell protection of a client's conduct, to block those that abuse: the signals that only
 * they can see (a wrong password is not visible in the answer's status on every surface).
 */
public interface AbuseSignals {

    /** A password sign-in for {@code username} failed from {@code address} (null: the current request's). */
    void signInFailed(@Nullable String address, String username);
}
