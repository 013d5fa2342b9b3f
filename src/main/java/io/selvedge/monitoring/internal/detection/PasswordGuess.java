package io.selvedge.monitoring.internal.detection;

import io.selvedge.identity.SignInFailed;
import java.util.Set;

/**
 * Which failed sign-ins spraying and stuffing count: a password refused, ours or a directory's, as the sign-in
 * throttle counts them. Not a wrong one-time code (the password was right: {@link MfaCodeGuessing}), a passkey
 * refused, nor a directory that failed on its own (unreachable, untrusted, misconfigured): an outage of the
 * directory fails every sign-in from everywhere and is no attack.
 */
final class PasswordGuess {

    private static final Set<String> PASSWORDS = Set.of("password", "ldap");
    private static final Set<String> DIRECTORY_FAULTS = Set.of(
            "no-directory",
            "connection-invalid",
            "service-bind-failed",
            "untrusted-certificate",
            "tls-unavailable",
            "directory-unreachable",
            "directory-error");

    private PasswordGuess() {}

    static boolean counts(SignInFailed failed) {
        return PASSWORDS.contains(failed.factor()) && !DIRECTORY_FAULTS.contains(failed.reason());
    }
}
