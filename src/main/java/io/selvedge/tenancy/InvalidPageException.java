package io.selvedge.tenancy;

import io.selvedge.platform.Refusal;

/** A list asked for with a limit out of range, or a cursor the list did not hand out: 400. */
public class InvalidPageException extends Refusal.Invalid {

    private static final long serialVersionUID = 1L;

    public InvalidPageException(String detail) {
        super(detail);
    }
}
