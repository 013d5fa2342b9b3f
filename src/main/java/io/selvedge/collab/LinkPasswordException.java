package io.selvedge.collab;

import io.selvedge.platform.Refusal;

/** A link's password was missing or wrong. */
public class LinkPasswordException extends Refusal.Unauthorized {

    private static final long serialVersionUID = 1L;

    public LinkPasswordException() {
        super("The link's password is required.");
    }
}
