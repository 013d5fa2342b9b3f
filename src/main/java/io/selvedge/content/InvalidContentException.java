package io.selvedge.content;

/** Bad input (a name too long, a thumbnail that is no image, a missing header): answered 400. */
public class InvalidContentException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidContentException(String message) {
        super(message);
    }
}
