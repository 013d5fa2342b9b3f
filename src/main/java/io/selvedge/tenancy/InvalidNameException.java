package io.selvedge.tenancy;

/** A name that is not valid; the message says why, and may be shown to the caller. */
public class InvalidNameException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidNameException(String message) {
        super(message);
    }
}
