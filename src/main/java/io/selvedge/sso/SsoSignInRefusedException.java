package io.selvedge.sso;

/**
 * An SSO sign-in refused. The endpoints answer 401 with a page that says only that it failed; the reason
 * (a slug without secrets) is on the group's trail.
 */
public class SsoSignInRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public SsoSignInRefusedException(String reason) {
        super("Single sign-on refused: " + reason);
        this.reason = reason;
    }

    /** A short slug: {@code bad-state}, {@code domain-not-connected}, {@code account-deactivated}… */
    public String reason() {
        return reason;
    }
}
