package io.selvedge.access;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An invitation link that is unknown, already used, revoked or expired: answered 404, the same for each,
 * so a link reveals nothing but that it does not work.
 */
public class InvitationInvalidException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public InvitationInvalidException() {
        super(
                HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.NOT_FOUND,
                        "This invitation link does not work: it was used, revoked, or is older than "
                                + Invitations.VALID_DAYS + " days. Ask for a new one."),
                null);
    }
}
