package io.selvedge.collab;

/** Too many wrong passwords for a link: the next attempt must wait. */
public class LinkThrottledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public LinkThrottledException(long retryAfterSeconds) {
        super("Too many wrong passwords for this link; try again later.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
