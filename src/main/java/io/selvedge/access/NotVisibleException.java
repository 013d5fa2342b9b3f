package io.selvedge.access;

import io.selvedge.platform.Refusal;

/**
 * The caller may not even see the target (or it does not exist): answered 404, so that its existence is
 * not revealed. A problem document through the application's one exception handler.
 */
public class NotVisibleException extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    public NotVisibleException() {
        this("There is no such thing, or you may not see it.");
    }

    /** With a more precise detail, where naming the reason reveals nothing the caller may not know. */
    protected NotVisibleException(String detail) {
        super(detail);
    }
}
