package io.selvedge.identity;

import io.selvedge.platform.Refusal;

/** The username or the e-mail address belongs to another account already (answered 409). */
public class AccountExistsException extends Refusal.Conflict {

    private static final long serialVersionUID = 1L;

    public AccountExistsException(String reason) {
        super(reason);
    }
}
