package io.selvedge.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A grant or revocation that cannot be: a role on the wrong level, a grantee who cannot hold it, or the
 * last group admin removed or demoted. Answered 409; the message says why and is shown.
 */
public class GrantRefusedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public GrantRefusedException(String message) {
        super(HttpStatus.CONFLICT, ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, message), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
