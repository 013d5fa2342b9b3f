package io.selvedge.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 403: the group's security policy refuses this request of an outside collaborator (MFA required and not
 * enrolled, its session limits passed, single sign-on only). Only that group's resources are refused; the
 * message says what the group asks.
 */
public class GroupPolicyNotMetException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public GroupPolicyNotMetException(String message) {
        super(HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, message), null);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
