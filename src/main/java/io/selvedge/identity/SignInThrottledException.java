package io.selvedge.identity;

import java.time.Duration;
import java.util.Locale;
import org.springframework.security.core.AuthenticationException;

/** Too many sign-ins failed for this account or from this address: the next attempt must wait. */
public class SignInThrottledException extends AuthenticationException {

    /** The request attribute that carries this exception (its wait) to the sign-in page. */
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
        return TooManyAttemptsException.seconds(retryAfter);
    }

    /** The wait in English words, for the API's problem documents. */
    public String inWords() {
        return inWords(Locale.ENGLISH);
    }

    /** The wait in words, for a page in English or Portuguese (any other language gets English). */
    public String inWords(Locale language) {
        return TooManyAttemptsException.inWords(retryAfterSeconds(), language);
    }

    /** This wait as the refusal of an attempt made outside the sign-in form. */
    public TooManyAttemptsException as(TooManyAttemptsException.Attempts attempts) {
        return new TooManyAttemptsException(attempts, retryAfter);
    }
}
