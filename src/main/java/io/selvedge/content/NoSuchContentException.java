package io.selvedge.content;

/** No such style, version or upload (or a deleted one): answered 404. */
public class NoSuchContentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchContentException() {
        super("There is no such style, version or upload.");
    }
}
