package io.selvedge.collab;

import io.selvedge.platform.Refusal;
import java.time.Duration;

/** Too many wrong passwords for a link: the next attempt must wait. */
public class LinkThrottledException extends Refusal.TooManyRequests {

    private static final long serialVersionUID = 1L;

    public LinkThrottledException(Duration wait) {
        super("Too many wrong passwords for this link; try again later.", wait);
    }
}
