package io.selvedge.identity.internal;

import org.springframework.security.core.AuthenticationException;

/** Staff must sign in with a passkey here: the right password was refused ({@link StaffPasskeys}). */
public class PasskeyRequiredException extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    static final String DETAIL = "Platform staff sign in with a passkey on this installation: a password and a"
            + " one-time code are not accepted. Use \"Sign in with a passkey\".";

    PasskeyRequiredException() {
        super(DETAIL);
    }
}
