package io.selvedge.access;

import io.selvedge.platform.Refusal;

/** The caller may see the target but not do this to it: answered 403, a problem document. */
public class ActionDeniedException extends Refusal.Forbidden {

    private static final long serialVersionUID = 1L;

    public ActionDeniedException() {
        this("You may not do this.");
    }

    /** @param detail shown to the caller: say what is refused, never anything of another's data */
    public ActionDeniedException(String detail) {
        super(detail);
    }
}
