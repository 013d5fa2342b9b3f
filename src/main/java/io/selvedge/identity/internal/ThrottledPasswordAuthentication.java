package io.selvedge.identity.internal;

import io.selvedge.identity.SignInThrottledException;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the web page and the token endpoint: the throttle first (no Argon2 while an
 * attempt must wait), then Spring's {@code DaoAuthenticationProvider}, which hashes a dummy password for an
 * unknown username so that both failures take the same time and answer the same. For an account with
 * MFA, the one-time code of the {@link SignInDetails} is checked after the password, throttled apart. The
 * name may be the username or the account's e-mail address ({@link SignInNames}).
 */
class ThrottledPasswordAuthentication implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AccountTotp secondFactor;
    private final SignInNames names;

    ThrottledPasswordAuthentication(
            AuthenticationProvider passwords, SignInThrottle throttle, AccountTotp secondFactor, SignInNames names) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.names = names;
    }

    @Override
    public Authentication authenticate(Authentication typed) {
        // A username or an e-mail address was typed: from here on, the account's username (if any matched).
        String username = names.canonical(typed.getName());
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, typed.getCredentials());
        attempt.setDetails(typed.getDetails());
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Duration wait = throttle.waitBefore(username, address, SignInFactor.PASSWORD);
        if (!wait.isZero()) {
            throw new SignInThrottledException(wait);
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
            throttle.succeeded(username, SignInFactor.PASSWORD);
        } catch (BadCredentialsException e) {
            throttle.failed(username, address, SignInFactor.PASSWORD);
            throw e;
        }
        String code = attempt.getDetails() instanceof SignInDetails details ? details.oneTimeCode() : null;
        secondFactor.checkSecondFactor(username, address, code);
        return signedIn;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
