package io.selvedge.identity;

/** A chosen password does not meet the policy; the message says why, for the person who chose it. */
public class PasswordRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public PasswordRejectedException(String reason) {
        super(reason);
    }
}
