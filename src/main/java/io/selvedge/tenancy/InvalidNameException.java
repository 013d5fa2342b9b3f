package io.selvedge.tenancy;

import io.selvedge.platform.Refusal;

/** A name that is not valid (400); the detail says why, and is shown to the caller. */
public class InvalidNameException extends Refusal.Invalid {

    private static final long serialVersionUID = 1L;

    public InvalidNameException(String detail) {
        super(detail);
    }
}
