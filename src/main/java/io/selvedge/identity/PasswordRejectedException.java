package io.selvedge.identity;

/** A chosen password does not meet the policy; the message says why, for the person who chose it. */
public class PasswordRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient PasswordPolicy.Reason reason;

    public PasswordRejectedException(PasswordPolicy.Reason reason) {
        super(reason.inWords());
        this.reason = reason;
    }

    /** The rule broken, for a page that says it in its own language. */
    public PasswordPolicy.Reason reason() {
        return reason;
    }
}
