package io.selvedge.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B): long rather than complicated. 15 to 128 characters
 * of any kind, counted as Unicode code points; no composition rules; not the username, not the
 * product's name. Later: 8 characters where MFA is on, and a list of breached passwords.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 15;
    public static final int MAXIMUM_LENGTH = 128;

    private PasswordPolicy() {}

    /** Why the password is refused, in words for the person choosing it; empty when it is fine. */
    public static Optional<String> problemWith(String password, String username) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MINIMUM_LENGTH) {
            return Optional.of("Use at least " + MINIMUM_LENGTH + " characters; a few words make a good password.");
        }
        if (length > MAXIMUM_LENGTH) {
            return Optional.of("Use at most " + MAXIMUM_LENGTH + " characters.");
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of("The password must not contain the username.");
        }
        if (folded.contains("selvedge")) {
            return Optional.of("The password must not contain the word \"selvedge\".");
        }
        return Optional.empty();
    }

    /** @throws PasswordRejectedException with the reason, if the password is refused */
    public static void check(String password, String username) {
        problemWith(password, username).ifPresent(reason -> {
            throw new PasswordRejectedException(reason);
        });
    }
}
