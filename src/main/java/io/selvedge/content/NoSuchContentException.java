package io.selvedge.content;

import io.selvedge.platform.Refusal;

/** No such style, version or upload (or a deleted one): answered 404. */
public class NoSuchContentException extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    public NoSuchContentException() {
        super("There is no such style, version, upload or workroom.", "There is no such style, version or upload.");
    }
}
