package io.selvedge.tenancy;

/** A list asked for with a limit out of range, or a cursor the list did not hand out. */
public class InvalidPageException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidPageException(String message) {
        super(message);
    }
}
