package io.selvedge.platform.internal.web;

import io.selvedge.platform.BodyRefusedException;
import org.springframework.http.HttpStatus;

/** A request body went past the limit while it was being read. */
class BodyTooLargeException extends BodyRefusedException {

    private static final long serialVersionUID = 1L;

    BodyTooLargeException(long limit) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "The request body is larger than the " + limit + " bytes this endpoint takes.");
    }
}
