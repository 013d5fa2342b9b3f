package io.selvedge.access;

import io.selvedge.platform.Refusal;
import org.springframework.http.HttpStatus;

/**
 * A security policy change that cannot be: an invalid setting or one that would lock its author out
 * (answered 422), or one made against a version that is no longer current (409). The message is shown.
 */
public class SecurityPolicyRefusedException extends Refusal {

    private static final long serialVersionUID = 1L;

    public SecurityPolicyRefusedException(HttpStatus status, String message) {
        super(status, message);
    }

    public static SecurityPolicyRefusedException invalid(String message) {
        return new SecurityPolicyRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, message);
    }
}
