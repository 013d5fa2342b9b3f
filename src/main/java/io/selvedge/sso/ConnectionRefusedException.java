package io.selvedge.sso;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A connection change that cannot be: 422 invalid settings, 409 a domain routed already, 404 no such one. */
public class ConnectionRefusedException extends ErrorResponseException {

    private static final long serialVersionUID = 1L;

    public ConnectionRefusedException(HttpStatus status, String message) {
        super(status, ProblemDetail.forStatusAndDetail(status, message), null);
    }

    public static ConnectionRefusedException invalid(String message) {
        return new ConnectionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    public static ConnectionRefusedException notFound() {
        return new ConnectionRefusedException(HttpStatus.NOT_FOUND, "The group has no such identity provider.");
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
