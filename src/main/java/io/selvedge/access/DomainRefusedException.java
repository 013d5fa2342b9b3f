package io.selvedge.access;

import io.selvedge.platform.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A domain claim or verification that cannot be: 422 invalid or unproven, 409 held by another group, 404
 * not claimed by the group (once the caller may manage its domains).
 */
public class DomainRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public DomainRefusedException(HttpStatus status, String message) {
        super(status, message);
    }

    public static DomainRefusedException invalid(String message) {
        return new DomainRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }

    public static DomainRefusedException taken() {
        return new DomainRefusedException(HttpStatus.CONFLICT, "Another group has verified this domain.");
    }
}
