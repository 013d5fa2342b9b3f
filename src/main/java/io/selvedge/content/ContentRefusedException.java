package io.selvedge.content;

import io.selvedge.platform.Refusal;

/** A change that conflicts with the state of the content (a move across groups, a bad tus offset): 409. */
public class ContentRefusedException extends Refusal.Conflict {

    private static final long serialVersionUID = 1L;

    public ContentRefusedException(String message) {
        super(message);
    }
}
