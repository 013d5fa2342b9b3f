package io.selvedge.identity;

import io.selvedge.platform.Refusal;

/** The setup link is unknown, already used, or expired; or the first admin exists already. */
public class SetupLinkInvalidException extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    public SetupLinkInvalidException() {
        super("This setup link is no longer valid. Restart the server to get a new one.");
    }
}
