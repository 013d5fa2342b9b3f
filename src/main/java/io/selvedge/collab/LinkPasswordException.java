package io.selvedge.collab;

/** A link's password was missing or wrong. */
public class LinkPasswordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LinkPasswordException() {
        super("The link's password is required.");
    }
}
