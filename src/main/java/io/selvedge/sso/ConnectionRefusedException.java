package io.selvedge.sso;

import io.selvedge.platform.Refusal;
import org.springframework.http.HttpStatus;

/** A connection change that cannot be: 422 invalid settings, 409 a domain routed already, 404 no such one. */
public class ConnectionRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public ConnectionRefusedException(HttpStatus status, String detail) {
        super(status, detail);
    }

    public static ConnectionRefusedException invalid(String detail) {
        return new ConnectionRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, detail);
    }

    public static ConnectionRefusedException notFound() {
        return new ConnectionRefusedException(HttpStatus.NOT_FOUND, "The group has no such identity provider.");
    }
}
