package io.selvedge.platform.internal.web;

import java.io.IOException;

/** A request body went past the limit while it was being read. */
class BodyTooLargeException extends IOException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super("The request body is larger than the " + limit + " bytes this endpoint takes.");
    }

    static BodyTooLargeException findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLargeException tooLarge) {
                return tooLarge;
            }
        }
        return null;
    }
}
