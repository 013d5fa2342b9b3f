package io.selvedge.identity;

import io.selvedge.platform.Refusal;

/**
 * A sign-in outside the sign-in form (for an API token) failed: the username and password (or code) do not
 * match an account, the same words whichever was wrong.
 */
public class SignInFailedException extends Refusal.Unauthorized {

    private static final long serialVersionUID = 1L;

    public SignInFailedException(String reason) {
        super(reason);
    }
}
