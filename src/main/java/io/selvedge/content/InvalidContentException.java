package io.selvedge.content;

import io.selvedge.platform.Refusal;

/** Bad input (a name too long, a thumbnail that is no image, a missing header): 400, the detail says why. */
public class InvalidContentException extends Refusal.Invalid {

    private static final long serialVersionUID = 1L;

    public InvalidContentException(String detail) {
        super(detail);
    }
}
