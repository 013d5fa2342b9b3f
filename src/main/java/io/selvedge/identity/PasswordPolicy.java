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
        return reasonFor(password, username, mfaEnrolled).map(Reason::inWords);
    }

    /** Why the password is refused, as a reason a page can put in its own language; empty when it is fine. */
    public static Optional<Reason> reasonFor(String password, String username, boolean mfaEnrolled) {
        if (password == null || password.isEmpty()) {
            return Optional.of(new Reason(Rule.EMPTY, 0));
        }
        int minimum = mfaEnrolled ? MINIMUM_LENGTH_WITH_MFA : MINIMUM_LENGTH;
        int length = password.codePointCount(0, password.length());
        if (length < minimum) {
            return Optional.of(new Reason(Rule.TOO_SHORT, minimum));
        }
        if (length > MAXIMUM_LENGTH) {
            return Optional.of(new Reason(Rule.TOO_LONG, MAXIMUM_LENGTH));
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
            return Optional.of(new Reason(Rule.CONTAINS_USERNAME, 0));
        }
        if (folded.contains("selvedge")) {
            return Optional.of(new Reason(Rule.CONTAINS_PRODUCT_NAME, 0));
        }
        if (CommonPasswords.shipped().contains(password)) {
            return Optional.of(new Reason(Rule.COMMON, 0));
        }
        return Optional.empty();
    }

    /** The rule a refused password broke. */
    public enum Rule {
        EMPTY,
        TOO_SHORT,
        TOO_LONG,
        CONTAINS_USERNAME,
        CONTAINS_PRODUCT_NAME,
        COMMON
    }

    /** A refusal: the rule broken, and the limit for the length rules (0 for the others). */
    public record Reason(Rule rule, int limit) {

        /** In English, for the API and the logs-free problem documents. */
        public String inWords() {
            return switch (rule) {
                case EMPTY -> "Choose a password.";
                case TOO_SHORT -> "Use at least " + limit + " characters; a few words make a good password.";
                case TOO_LONG -> "Use at most " + limit + " characters.";
                case CONTAINS_USERNAME -> "The password must not contain the username.";
                case CONTAINS_PRODUCT_NAME -> "The password must not contain the word \"selvedge\".";
                case COMMON -> "This password is on a list of common or breached passwords; choose another.";
            };
        }
    }

    /** @throws PasswordRejectedException with the reason, if the password is refused */
    public static void check(String password, String username) {
        check(password, username, false);
    }

    /** @throws PasswordRejectedException with the reason, if the password is refused */
    public static void check(String password, String username, boolean mfaEnrolled) {
        reasonFor(password, username, mfaEnrolled).ifPresent(reason -> {
            throw new PasswordRejectedException(reason);
        });
    }
}
