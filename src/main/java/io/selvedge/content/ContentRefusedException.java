package io.selvedge.content;

/** A change that conflicts with the state of the content (a move across groups, a bad tus offset): 409. */
public class ContentRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContentRefusedException(String message) {
        super(message);
    }
}
