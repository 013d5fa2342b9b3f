package io.selvedge.identity;

import io.selvedge.platform.Refusal;
import java.util.Locale;
import lombok.RequiredArgsConstructor;

/**
 * Too many attempts of one kind failed for this account or from this address: the next must wait. Thrown
 * to callers outside the sign-in form (the form's throttle is {@link SignInThrottledException}, which Spring
 * Security needs as its own kind of failure).
 */
public class TooManyAttemptsException extends Refusal.TooManyRequests {

    private static final long serialVersionUID = 1L;

    /** What was attempted too often, in the words of the refusal. */
    @RequiredArgsConstructor
    public enum Attempts {
        /** A sign-in for an API token. */
        SIGN_INS("failed sign-ins"),
        /** A password confirming a change to one's own account. */
        PASSWORD_CONFIRMATIONS("failed attempts"),
        /** Password reset requests, found or not. */
        RESET_REQUESTS("reset requests"),
        /** One-time codes confirming a change to one's second factor. */
        CODES("wrong codes");

        private final String inWords;
    }

    private final Attempts attempts;

    public TooManyAttemptsException(Attempts attempts, java.time.Duration wait) {
        super("Too many " + attempts.inWords + ". Try again in " + inWords(seconds(wait), Locale.ENGLISH) + ".", wait);
        this.attempts = attempts;
    }

    public Attempts attempts() {
        return attempts;
    }

    /** The wait in words, for a page in English or Portuguese (any other language gets English). */
    public String inWords(Locale language) {
        return inWords(retryAfterSeconds(), language);
    }

    static long seconds(java.time.Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    static String inWords(long seconds, Locale language) {
        boolean portuguese = "pt".equals(language.getLanguage());
        if (seconds < 60) {
            return seconds
                    + (portuguese
                            ? (seconds == 1 ? " segundo" : " segundos")
                            : (seconds == 1 ? " second" : " seconds"));
        }
        long minutes = (seconds + 59) / 60;
        return minutes
                + (portuguese ? (minutes == 1 ? " minuto" : " minutos") : (minutes == 1 ? " minute" : " minutes"));
    }
}
