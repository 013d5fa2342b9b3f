package io.selvedge.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The client's address and the one-time code sent with a password. The code is transient: these details
 * stay in the web session after sign-in, and a spent code has no business resting there.
 */
public class SignInDetails extends WebAuthenticationDetails {

    private static final long serialVersionUID = 1L;

    private final transient String oneTimeCode;

    SignInDetails(String clientAddress, String oneTimeCode) {
        super(clientAddress, null);
        this.oneTimeCode = oneTimeCode;
    }

    /** The details of the sign-in form: its {@code otp} field, if any. */
    public static SignInDetails of(HttpServletRequest request) {
        return new SignInDetails(request.getRemoteAddr(), request.getParameter("otp"));
    }

    String oneTimeCode() {
        return oneTimeCode;
    }
}
