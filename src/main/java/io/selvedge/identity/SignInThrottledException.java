package io.selvedge.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Too many sign-ins failed for this account or from this address: the next attempt must wait. */
public class SignInThrottledException extends AuthenticationException {

    /** The request attribute that carries the wait, in words, to the sign-in page. */
    public static final String WAIT_ATTRIBUTE = "io.selvedge.identity.signInWait";

    private static final long serialVersionUID = 1L;

    private final Duration retryAfter;

    public SignInThrottledException(Duration retryAfter) {
        super("Too many failed sign-ins.");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, rounded up, for a {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    /** The wait in words, for the sign-in page. */
    public String inWords() {
        long seconds = retryAfterSeconds();
        if (seconds < 60) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = (seconds + 59) / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
