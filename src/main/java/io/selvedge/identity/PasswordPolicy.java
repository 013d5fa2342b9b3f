package io.selvedge.identity;

import io.selvedge.identity.internal.CommonPasswords;
import java.util.Locale;
import java.util.Optional;

/**
 * What a new password must be (NIST SP 800-63B, OWASP ASVS V6): long rather than complicated. 15 to 128
 * characters of any kind, counted as Unicode code points (8 will do for an account with MFA); no
 * composition rules and no forced rotation; not on the shipped lists of common and breached passwords;
 * not containing the username or the product's name.
 */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 15;
    public static final int MINIMUM_LENGTH_WITH_MFA = 8;
    public static final int MAXIMUM_LENGTH = 128;

    private PasswordPolicy() {}

    /** Why the password is refused for an account without MFA, in words for the person; empty when fine. */
    public static Optional<String> problemWith(String password, String username) {
        return problemWith(password, username, false);
    }

    /** Why the password is refused, in words for the person choosing it; empty when it is fine. */
    public static Optional<String> problemWith(String password, String username, boolean mfaEnrolled) {
        if (password == null || password.isEmpty()) {
            return Optional.of("Choose a password.");
        }
        int minimum = mfaEnrolled ? MINIMUM_LENGTH_WITH_MFA : MINIMUM_LENGTH;
        int length = password.codePointCount(0, password.length());
        if (length < minimum) {
            return Optional.of("Use at least " + minimum + " characters; a few words make a good password.");
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
        if (CommonPasswords.shipped().contains(password)) {
            return Optional.of("This password is on a list of common or breached passwords; choose another.");
        }
        return Optional.empty();
    }

    /** @throws PasswordRejectedException with the reason, if the password is refused */
    public static void check(String password, String username) {
        check(password, username, false);
    }

    /** @throws PasswordRejectedException with the reason, if the password is refused */
    public static void check(String password, String username, boolean mfaEnrolled) {
        problemWith(password, username, mfaEnrolled).ifPresent(reason -> {
            throw new PasswordRejectedException(reason);
        });
    }
}
