package io.selvedge.identity.internal;

import io.selvedge.identity.SessionFactors;
import io.selvedge.identity.SignInFailed;
import io.selvedge.identity.SignInSucceeded;
import io.selvedge.platform.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Service;

/**
 * The second step of a web sign-in, and what the web chain reports of the others: a one-time code (TOTP or
 * recovery code) after the password adds the {@link MfaPolicy#ONE_TIME_CODE_FACTOR} authority to the
 * session's authentication; passkey sign-ins and sign-outs are published here too.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SecondFactorSignIn implements SessionFactors {

    static final String PASSKEY = "passkey";
    private static final HttpSessionSecurityContextRepository SESSIONS = new HttpSessionSecurityContextRepository();

    private final AccountTotp totp;
    private final Accounts accounts;
    private final IdentityEvents events;
    private final SpringWebSessions sessions;
    private final Clock clock;

    /** The session attribute holding when the session last passed a passkey (epoch milliseconds). */
    static final String PASSKEY_SIGNED_IN_AT = SecondFactorSignIn.class.getName() + ".passkeySignedInAt";

    @Override
    public void passedOneTimeCode(HttpServletRequest request, HttpServletResponse response) {
        addFactor(request, response, MfaPolicy.ONE_TIME_CODE_FACTOR);
    }

    @Override
    public void passedPasskey(HttpServletRequest request, HttpServletResponse response) {
        addFactor(request, response, FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
    }

    private static void addFactor(HttpServletRequest request, HttpServletResponse response, String factor) {
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        Authentication current = holder.getContext().getAuthentication();
        if (current == null || !current.isAuthenticated()) {
            return;
        }
        Authentication upgraded = current.toBuilder()
                .authorities(authorities -> authorities.add(FactorGrantedAuthority.fromAuthority(factor)))
                .build();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(upgraded);
        holder.setContext(context);
        SESSIONS.saveContext(context, request, response);
    }

    /** Someone signed out of the web session {@code sessionId}. */
    public void signedOut(Authentication authentication, String sessionId) {
        if (authentication != null && sessionId != null) {
            sessions.ended(authentication.getName(), sessionId, SpringWebSessions.SIGNED_OUT);
        }
    }

    /**
     * The authentication of a password sign-in, with the code's factor added.
     *
     * @throws io.selvedge.identity.OneTimeCodeRejectedException for a missing, wrong or used code
     * @throws io.selvedge.identity.SignInThrottledException while too many codes have failed
     */
    public Authentication withCode(Authentication passwordStep, String code, String clientAddress) {
        if (passwordStep == null
                || passwordStep.getAuthorities().stream()
                        .noneMatch(
                                authority -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(authority.getAuthority())
                                        || MfaPolicy.IDP_FIRST_FACTORS.contains(authority.getAuthority()))) {
            throw new InsufficientAuthenticationException("Sign in with your password first.");
        }
        Account account = accounts.findByUsername(passwordStep.getName())
                .orElseThrow(() -> new InsufficientAuthenticationException("Sign in with your password first."));
        String factor = totp.checkSecondFactor(account.username(), clientAddress, code == null ? "" : code.strip());
        events.publish(new SignInSucceeded(
                account.id(), factor == null ? AccountTotp.CODE : factor, true, RequestOrigin.current()));
        return passwordStep.toBuilder()
                .authorities(authorities ->
                        authorities.add(FactorGrantedAuthority.fromAuthority(MfaPolicy.ONE_TIME_CODE_FACTOR)))
                .build();
    }

    /**
     * A passkey sign-in succeeded: alone (passwordless) or as the second step after the password. The session
     * remembers when, so that it may make an API token without a password for a while ({@link AccountTokens}).
     */
    public void passkeySucceeded(HttpServletRequest request, Authentication authentication) {
        request.getSession().setAttribute(PASSKEY_SIGNED_IN_AT, clock.millis());
        accountOf(authentication).ifPresent(id -> {
            accounts.recordSignIn(authentication.getName()); // the staff access review shows it
            events.publish(new SignInSucceeded(id, PASSKEY, true, RequestOrigin.current()));
        });
    }

    /** A passkey assertion was refused (unknown credential, bad signature, wrong origin...). */
    public void passkeyFailed() {
        events.publish(new SignInFailed(null, PASSKEY, "passkey-rejected", RequestOrigin.current()));
    }

    Optional<UUID> accountOf(Authentication authentication) {
        return authentication == null
                ? Optional.empty()
                : accounts.findByUsername(authentication.getName()).map(Account::id);
    }
}
