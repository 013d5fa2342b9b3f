package io.selvedge.platform;

/** A list cursor that no list handed out: the client's mistake, answered with 400. */
public class InvalidCursorException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidCursorException() {
        super("The cursor is not one this list handed out.");
    }
}
