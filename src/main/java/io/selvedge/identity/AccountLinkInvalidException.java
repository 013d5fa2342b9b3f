package io.selvedge.identity;

import io.selvedge.platform.Refusal;

/** A password-reset or e-mail confirmation link is unknown, used already, or older than an hour. */
public class AccountLinkInvalidException extends Refusal.Gone {

    private static final long serialVersionUID = 1L;

    public AccountLinkInvalidException() {
        super("This link is no longer valid: a link works once, for an hour. Ask for a new one.");
    }
}
