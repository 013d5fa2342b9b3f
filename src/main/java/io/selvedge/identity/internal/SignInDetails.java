package io.selvedge.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The client's address and the one-time code sent with a password (the token endpoint), or the mark that
 * the second factor comes at a later step (the web sign-in page). The code is transient: these details stay
 * in the web session after sign-in, and a spent code has no business resting there.
 */
public class SignInDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 2L;

    private final transient String oneTimeCode;
    private final boolean secondFactorLater;
    private final boolean confirmation;

    SignInDetails(String clientAddress, String oneTimeCode) {
        this(clientAddress, oneTimeCode, false, false);
    }

    private SignInDetails(String clientAddress, String oneTimeCode, boolean secondFactorLater, boolean confirmation) {
        super(clientAddress, null);
        this.oneTimeCode = oneTimeCode;
        this.secondFactorLater = secondFactorLater;
        this.confirmation = confirmation;
    }

    /** A signed-in owner confirming a change with their password (not a sign-in: no new session, no token). */
    static SignInDetails confirming(String clientAddress, String oneTimeCode) {
        return new SignInDetails(clientAddress, oneTimeCode, false, true);
    }

    /** The details of the web sign-in form: the password only; a second factor, if any, is the next step. */
    public static SignInDetails of(HttpServletRequest request) {
        return new SignInDetails(request.getRemoteAddr(), null, true, false);
    }

    String oneTimeCode() {
        return oneTimeCode;
    }

    boolean secondFactorLater() {
        return secondFactorLater;
    }

    boolean confirmation() {
        return confirmation;
    }
}
