package io.selvedge.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A domain claim or verification that cannot be: 422 invalid or unproven, 409 held by another group, 404
 * not claimed by the group (once the caller may manage its domains).
 */
public class DomainRefusedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public DomainRefusedException(HttpStatus status, String message) {
        super(status, ProblemDetail.forStatusAndDetail(status, message), null);
    }

    public static DomainRefusedException invalid(String message) {
        return new DomainRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    public static DomainRefusedException taken() {
        return new DomainRefusedException(HttpStatus.CONFLICT, "Another group has verified this domain.");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
