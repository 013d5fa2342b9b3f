package io.selvedge.identity.internal;

import io.selvedge.identity.OneTimeCodeRejectedException;
import io.selvedge.identity.PasswordConfirmationFailedException;
import io.selvedge.identity.SignInFailedException;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.identity.TooManyAttemptsException;
import io.selvedge.identity.TooManyAttemptsException.Attempts;
import java.util.function.Function;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;

/**
 * A password (and the one-time code, where the account has a second factor) checked through the throttled
 * password sign-in, for an action that asks for it outside the sign-in form: a token, a new address, a new
 * password. A throttled attempt is a {@link TooManyAttemptsException}; any other failure is a {@link
 * SignInFailedException} for a sign-in and a {@link PasswordConfirmationFailedException} for a confirmation.
 */
final class PasswordCheck {

    private PasswordCheck() {}

    /** A sign-in for a token. @return the username the password signed in (the caller may give an address) */
    static String signIn(
            AuthenticationManager passwordSignIn,
            String usernameOrEmail,
            String password,
            String otp,
            String clientAddress,
            String wrongPassword) {
        return check(
                passwordSignIn,
                usernameOrEmail,
                password,
                otp,
                clientAddress,
                wrongPassword,
                Attempts.SIGN_INS,
                SignInFailedException::new,
                false);
    }

    /** The signed-in owner confirms a change to their own account with their password. */
    static void confirm(
            AuthenticationManager passwordSignIn,
            String username,
            String password,
            String otp,
            String clientAddress,
            String wrongPassword) {
        check(
                passwordSignIn,
                username,
                password,
                otp,
                clientAddress,
                wrongPassword,
                Attempts.PASSWORD_CONFIRMATIONS,
                PasswordConfirmationFailedException::new,
                true);
    }

    private static String check(
            AuthenticationManager passwordSignIn,
            String usernameOrEmail,
            String password,
            String otp,
            String clientAddress,
            String wrongPassword,
            Attempts attempts,
            Function<String, RuntimeException> failure,
            boolean confirmation) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(
                String.valueOf(usernameOrEmail), String.valueOf(password));
        attempt.setDetails(
                confirmation ? SignInDetails.confirming(clientAddress, otp) : new SignInDetails(clientAddress, otp));
        try {
            return passwordSignIn.authenticate(attempt).getName();
        } catch (SignInThrottledException e) {
            throw e.as(attempts);
        } catch (PasskeyRequiredException e) {
            throw failure.apply(PasskeyRequiredException.DETAIL);
        } catch (OneTimeCodeRejectedException e) {
            throw failure.apply(AccountTokens.NEEDS_CODE);
        } catch (AuthenticationException e) {
            throw failure.apply(wrongPassword);
        }
    }
}
