package io.selvedge.platform;

import java.io.IOException;
import org.springframework.http.HttpStatus;

/**
 * Reading a request's body was stopped by a limit (too large, or arriving too slowly): the answer is a problem
 * document with {@link #status()} and this message, wherever the read failed, even wrapped in other exceptions.
 */
public class BodyRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final HttpStatus status;

    public BodyRefusedException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** The refusal among {@code failure}'s causes, or null. */
    public static BodyRefusedException findIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyRefusedException refused) {
                return refused;
            }
        }
        return null;
    }
}
