package io.selvedge.identity;

import io.selvedge.platform.Refusal;

/**
 * A signed-in person confirmed a change to their own account (a new address, a new password) with a wrong
 * password or without the code their account needs. They are known already, so this is a 403, not the 401
 * of a failed sign-in.
 */
public class PasswordConfirmationFailedException extends Refusal.Forbidden {

    private static final long serialVersionUID = 1L;

    public PasswordConfirmationFailedException(String reason) {
        super(reason);
    }
}
