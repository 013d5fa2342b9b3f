package io.selvedge.identity.internal;

import io.selvedge.identity.DirectoryPasswordRefusedException;
import io.selvedge.identity.DirectoryPasswords;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.SignInFailed;
import io.selvedge.identity.SignInSucceeded;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.protection.AbuseSignals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in for the web page and the token endpoint: the throttle first (no Argon2 while an
 * attempt must wait), then Spring's {@code DaoAuthenticationProvider}, which hashes a dummy password for an
 * unknown username so that both failures take the same time and answer the same. At the token endpoint,
 * an account with MFA must send its one-time code with the password, checked after it and throttled
 * apart; the web sign-in asks for the second factor at a step of its own. The name may be the username
 * or the account's e-mail address ({@link SignInNames}). An address whose domain routes to an organisation's
 * directory ({@link DirectoryPasswords}, LDAP) has its password checked there and only there, throttled the
 * same way; the account is created or updated by the directory's module before the steps above continue.
 */
@RequiredArgsConstructor
class ThrottledPasswordAuthentication implements AuthenticationProvider {

    static final String PASSWORD = "password";

    /** The factor of a password an organisation's directory checked. */
    static final String DIRECTORY_PASSWORD = "ldap";

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final AccountTotp secondFactor;
    private final SignInNames names;
    private final Accounts accounts;
    private final IdentityEvents events;
    private final ObjectProvider<DirectoryPasswords> directories;
    private final AccountUserDetails userDetails;
    private final AbuseSignals abuse;
    private final UnknownSignInNames unknownNames;
    private final StaffPasskeys staffPasskeys;

    @Override
    public Authentication authenticate(Authentication typed) {
        // A username or an e-mail address was typed: from here on, the account's username (if any matched).
        String username = names.canonical(typed.getName());
        UsernamePasswordAuthenticationToken attempt =
                UsernamePasswordAuthenticationToken.unauthenticated(username, typed.getCredentials());
        attempt.setDetails(typed.getDetails());
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        UnknownSignInNames.Attempt budget = unknownNames.before(address);
        try {
            return authenticate(attempt, typed.getName(), username, address, budget);
        } finally {
            unknownNames.settle(budget);
        }
    }

    private Authentication authenticate(
            UsernamePasswordAuthenticationToken attempt,
            String typedName,
            String username,
            @Nullable String address,
            UnknownSignInNames.Attempt budget) {
        Duration wait = budget.waitFor();
        if (wait.isZero()) {
            wait = throttle.take(username, address, SignInFactor.PASSWORD);
        }
        if (!wait.isZero()) {
            failed(username, "throttled");
            throw new SignInThrottledException(wait);
        }
        Optional<String> directoryEmail = directoryEmailOf(typedName, username);
        if (directoryEmail.isPresent()) {
            Authentication signedIn = fromDirectory(directoryEmail.get(), attempt, address, username);
            return continued(accounts.findByUsername(signedIn.getName()).orElseThrow(), attempt, signedIn, true);
        }
        Authentication signedIn;
        try {
            signedIn = passwords.authenticate(attempt);
            throttle.succeeded(username, address, SignInFactor.PASSWORD);
        } catch (BadCredentialsException e) {
            throttle.failed(username, address, SignInFactor.PASSWORD);
            UUID accountId = accounts.findByUsername(username).map(Account::id).orElse(null);
            unknownNames.failed(budget, accountId != null);
            abuse.signInFailed(address, username); // many accounts failing from one address: a block
            failed(accountId, accountId == null ? "unknown-account" : "wrong-password");
            throw e;
        } catch (DisabledException e) {
            failed(username, "disabled");
            throw e;
        }
        return continued(accounts.findByUsername(username).orElseThrow(), attempt, signedIn, false);
    }

    /** After the first factor: the second one at the token endpoint, or later at the page's next step. */
    private Authentication continued(
            Account account, Authentication attempt, Authentication signedIn, boolean byDirectory) {
        String first = byDirectory ? DIRECTORY_PASSWORD : PASSWORD;
        refuseStaffWithoutPasskey(account, attempt, first);
        if (attempt.getDetails() instanceof SignInDetails details && details.secondFactorLater()) {
            events.publish(new SignInSucceeded(account.id(), first, !account.mfaEnrolled(), RequestOrigin.current()));
            return signedIn;
        }
        String address =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        String code = attempt.getDetails() instanceof SignInDetails details ? details.oneTimeCode() : null;
        String factor = secondFactor.checkSecondFactor(account.username(), address, code);
        events.publish(new SignInSucceeded(
                account.id(), factor == null ? first : first + "+" + factor, true, RequestOrigin.current()));
        return signedIn;
    }

    /**
     * Staff who must use a passkey: the page refuses the password of one who has a passkey (one who has none
     * yet goes on, to register one), and the token endpoint refuses every staff password. Told only after the
     * password was right, so the answer reveals nothing to someone who does not know it; a confirmation of a
     * change by the signed-in owner is no sign-in and goes on.
     */
    private void refuseStaffWithoutPasskey(Account account, Authentication attempt, String factor) {
        if (!(attempt.getDetails() instanceof SignInDetails details) || details.confirmation()) {
            return;
        }
        boolean refused =
                details.secondFactorLater() ? staffPasskeys.refusesPassword(account) : staffPasskeys.required(account);
        if (refused) {
            events.publish(new SignInFailed(account.id(), factor, StaffPasskeys.REASON, RequestOrigin.current()));
            throw new PasskeyRequiredException();
        }
    }

    /**
     * The address whose password a directory checks, if any: the address typed, or the e-mail address of the
     * account whose username was typed. Platform staff always use their own password.
     */
    private Optional<String> directoryEmailOf(String typed, String username) {
        DirectoryPasswords directory = directories.getIfAvailable();
        if (directory == null) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.findByUsername(username);
        if (account.map(found -> found.staffRole() != null).orElse(false)) {
            return Optional.empty();
        }
        Optional<String> email = EmailAddresses.looksLikeOne(typed)
                ? Optional.of(EmailAddresses.normalise(typed))
                : account.map(found -> accounts.emailOf(found.id()));
        return email.filter(address -> !address.isBlank()).filter(directory::checksPasswordOf);
    }

    /** The directory checks the password; the throttle counts what may be a guess, as for a local password. */
    private Authentication fromDirectory(String email, Authentication attempt, String address, String username) {
        UUID accountId;
        try {
            accountId = directories.getObject().signIn(email, String.valueOf(attempt.getCredentials()));
        } catch (DirectoryPasswordRefusedException e) {
            if (e.guess()) {
                throttle.failed(username, address, SignInFactor.PASSWORD);
                abuse.signInFailed(address, username);
            }
            UUID known = accounts.findByUsername(username).map(Account::id).orElse(null);
            events.publish(new SignInFailed(known, DIRECTORY_PASSWORD, e.reason(), RequestOrigin.current()));
            throw e.guess()
                    ? new BadCredentialsException("The directory refused the password.")
                    : new AuthenticationServiceException("The directory could not check the password.");
        }
        Account account = accounts.findById(accountId).orElseThrow();
        throttle.succeeded(username, address, SignInFactor.PASSWORD);
        UserDetails user = userDetails.loadUserByUsername(account.username());
        if (!user.isEnabled()) {
            events.publish(new SignInFailed(account.id(), DIRECTORY_PASSWORD, "disabled", RequestOrigin.current()));
            throw new DisabledException("The account is disabled.");
        }
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        UsernamePasswordAuthenticationToken signedIn =
                UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        signedIn.setDetails(attempt.getDetails());
        return signedIn;
    }

    /** A failed password, for the audit trail: the account's, or none's for an unknown username. */
    private void failed(String username, String reason) {
        failed(accounts.findByUsername(username).map(Account::id).orElse(null), reason);
    }

    private void failed(UUID accountId, String reason) {
        events.publish(new SignInFailed(accountId, PASSWORD, reason, RequestOrigin.current()));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
