package io.selvedge.identity;

/** The setup link is unknown, already used, or expired; or the first admin exists already. */
public class SetupLinkInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SetupLinkInvalidException() {
        super("This setup link is no longer valid. Restart the server to get a new one.");
    }
}
