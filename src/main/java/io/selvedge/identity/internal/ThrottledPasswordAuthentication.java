package io.selvedge.identity.internal;

import io.selvedge.identity.SignInFailed;
import io.selvedge.identity.SignInSucceeded;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.protection.AbuseSignals;
import java.time.Duration;
import java.util.UUID;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the web page and the token endpoint: the throttle first (no Argon2 while an
 * attempt must wait), then Spring's {@code DaoAuthenticationProvider}, which hashes a dummy password for an
 * unknown username so that both failures take the same time and answer the same. At the token endpoint,
 * an account with MFA must send its one-time code with the password, checked after it and throttled
 * apart; the web sign-in asks for the second factor at a step of its own. The name may be the username
 * or the account's e-mail address ({@link SignInNames}).
 */
class ThrottledPasswordAuthentication implements AuthenticationProvider {

    static final String PASSWORD = "password";

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AccountTotp secondFactor;
    private final SignInNames names;
    private final Accounts accounts;
    private final IdentityEvents events;
    private final AbuseSignals abuse;

    ThrottledPasswordAuthentication(
            AuthenticationProvider passwords,
            SignInThrottle throttle,
            AccountTotp secondFactor,
            SignInNames names,
            Accounts accounts,
            IdentityEvents events,
            AbuseSignals abuse) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.secondFactor = secondFactor;
        this.names = names;
        this.accounts = accounts;
        this.events = events;
        this.abuse = abuse;
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
        Duration wait = throttle.take(username, address, SignInFactor.PASSWORD);
        if (!wait.isZero()) {
            failed(username, "throttled");
            throw new SignInThrottledException(wait);
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
            throttle.succeeded(username, address, SignInFactor.PASSWORD);
        } catch (BadCredentialsException e) {
            throttle.failed(username, address, SignInFactor.PASSWORD);
            abuse.signInFailed(address, username); // many accounts failing from one address: a block
            failed(username, null);
            throw e;
        } catch (DisabledException e) {
            failed(username, "disabled");
            throw e;
        }
        Account account = accounts.findByUsername(username).orElseThrow();
        if (attempt.getDetails() instanceof SignInDetails details && details.secondFactorLater()) {
            events.publish(
                    new SignInSucceeded(account.id(), PASSWORD, !account.mfaEnrolled(), RequestOrigin.current()));
            return signedIn;
        }
        String code = attempt.getDetails() instanceof SignInDetails details ? details.oneTimeCode() : null;
        String factor = secondFactor.checkSecondFactor(username, address, code);
        events.publish(new SignInSucceeded(
                account.id(), factor == null ? PASSWORD : PASSWORD + "+" + factor, true, RequestOrigin.current()));
        return signedIn;
    }

    /** A failed password: {@code reason} null for a wrong password or an unknown username, told apart here. */
    private void failed(String username, String reason) {
        UUID accountId = accounts.findByUsername(username).map(Account::id).orElse(null);
        String why = reason != null ? reason : accountId == null ? "unknown-account" : "wrong-password";
        events.publish(new SignInFailed(accountId, PASSWORD, why, RequestOrigin.current()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
