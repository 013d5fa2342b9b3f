package io.selvedge.identity.internal;

import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.AccountRegistered;
import io.selvedge.identity.DisplayNames;
import io.selvedge.identity.EmailAddresses;
import io.selvedge.identity.FederatedSignIns;
import io.selvedge.identity.SignInSucceeded;
import io.selvedge.identity.Usernames;
import io.selvedge.identity.internal.MfaPolicy.Verdict;
import io.selvedge.platform.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link FederatedSignIns}: the same session steps as the web chain's password sign-in. */
@Service
@RequiredArgsConstructor
class FederatedSignInService implements FederatedSignIns {

    /** The session attribute that holds when the session signed in through an identity provider (epoch ms). */
    static final String SIGNED_IN_AT = FederatedSignInService.class.getName() + ".signedInAt";

    static final String SIGNED_IN_THROUGH = FederatedSignInService.class.getName() + ".signedInThrough";

    private static final HttpSessionSecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

    private final Accounts accounts;
    private final MfaPolicy mfa;
    private final IdentityEvents events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final SessionAuthenticationStrategy newSession = new CompositeSessionAuthenticationStrategy(List.of(
            new ChangeSessionIdAuthenticationStrategy(),
            new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository())));

    @Override
    @Transactional
    public UUID createAccount(String email, @Nullable String displayName) {
        String address = EmailAddresses.check(email);
        String display = DisplayNames.check(displayName);
        if (accounts.emailTaken(address)) {
            throw new AccountExistsException(AccountRegistrations.EMAIL_TAKEN);
        }
        Account account;
        try {
            account = accounts.createCustomer(freeUsername(address), null, address, display);
        } catch (DuplicateKeyException raced) {
            throw new AccountExistsException(AccountRegistrations.EMAIL_TAKEN);
        }
        events.publish(new AccountRegistered(account.id(), RequestOrigin.current()));
        return account.id();
    }

    @Override
    public boolean active(UUID accountId) {
        return accounts.findById(accountId)
                .filter(account -> account.status() == AccountStatus.ACTIVE)
                .isPresent();
    }

    @Override
    public String signIn(
            UUID accountId,
            UUID connectionId,
            Method method,
            boolean idpSecondFactor,
            HttpServletRequest request,
            HttpServletResponse response) {
        Account account = accounts.findById(accountId)
                .filter(found -> found.status() == AccountStatus.ACTIVE)
                .orElseThrow(() -> new IllegalStateException("The account is not active."));
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (account.staffRole() != null) {
            authorities.add(
                    new SimpleGrantedAuthority("STAFF_" + account.staffRole().name()));
        }
        authorities.add(FactorGrantedAuthority.fromAuthority(factorOf(method)));
        if (idpSecondFactor) {
            authorities.add(FactorGrantedAuthority.fromAuthority(MfaPolicy.IDP_SECOND_FACTOR));
        }
        Authentication signedIn =
                UsernamePasswordAuthenticationToken.authenticated(account.username(), null, authorities);
        newSession.onAuthentication(signedIn, request, response);
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        CONTEXTS.saveContext(context, request, response);
        request.getSession().setAttribute(SIGNED_IN_AT, clock.millis());
        request.getSession().setAttribute(SIGNED_IN_THROUGH, connectionId.toString());
        accounts.recordSignIn(account.username());
        Verdict verdict = mfa.verdict(signedIn);
        events.publish(new SignInSucceeded(
                account.id(),
                method.name().toLowerCase(Locale.ROOT),
                verdict == Verdict.SIGNED_IN,
                RequestOrigin.current()));
        return switch (verdict) {
            case SECOND_FACTOR_NEEDED -> "/signin/code";
            case MUST_ENROL -> "/account/mfa";
            default -> "/";
        };
    }

    /** The factor authority of a first step checked by an identity provider. */
    static String factorOf(Method method) {
        return switch (method) {
            case OIDC -> FactorGrantedAuthority.AUTHORIZATION_CODE_AUTHORITY;
            case SAML -> FactorGrantedAuthority.SAML_RESPONSE_AUTHORITY;
            case LDAP -> FactorGrantedAuthority.PASSWORD_AUTHORITY; // the directory checked a password
        };
    }

    /** A free username made from the address's local part, with a number added when it is taken. */
    private String freeUsername(String address) {
        String local = address.substring(0, address.indexOf('@')).toLowerCase(Locale.ROOT);
        String base = local.replaceAll("[^a-z0-9._-]", "-").replaceAll("^[^a-z0-9]+", "");
        if (base.length() > 50) {
            base = base.substring(0, 50);
        }
        while (base.length() < 3) {
            base = base + "0";
        }
        String candidate = base;
        for (int attempt = 0;
                accounts.usernameTaken(candidate)
                        || Usernames.problemWith(candidate).isPresent();
                attempt++) {
            if (attempt > 20) {
                throw new IllegalArgumentException("No free username could be made from the address.");
            }
            candidate = base + "-" + (1000 + random.nextInt(9000));
        }
        return candidate;
    }
}
