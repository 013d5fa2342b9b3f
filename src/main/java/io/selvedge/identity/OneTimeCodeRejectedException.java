package io.selvedge.identity;

import org.springframework.security.core.AuthenticationException;

/** A one-time code (or recovery code) is missing, wrong, or was used already. */
public class OneTimeCodeRejectedException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    public OneTimeCodeRejectedException(String reason) {
        super(reason);
    }
}
