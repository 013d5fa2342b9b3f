package io.selvedge.identity.internal;

import io.selvedge.identity.AccountSummary;
import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.DirectoryPasswords;
import io.selvedge.identity.IdentityProperties;
import io.selvedge.identity.SignInFailedException;
import io.selvedge.identity.TokenCreated;
import io.selvedge.identity.TokenRevoked;
import io.selvedge.platform.Refusal;
import io.selvedge.platform.RequestOrigin;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** API tokens: made after a password sign-in (throttled, like the web page's), listed, revoked. */
@Service
class AccountTokens implements ApiTokens {

    static final String NO_MATCH = "That username and password do not match an account.";
    static final String NEEDS_CODE = "This account uses MFA: send a fresh one-time code from its app as otp,"
            + " or one of its recovery codes. The code was missing, wrong or used already.";
    static final int LONGEST_NAME = 100;
    static final String SIGN_IN_AGAIN = "Without a password, a token is made within 15 minutes of a sign-in through"
            + " your organisation's single sign-on: sign out, sign in again, then make it.";

    private final AuthenticationManager passwordSignIn;
    private final Accounts accounts;
    private final StoredTokens tokens;
    private final TokenAuthenticator authenticator;
    private final IdentityProperties.Tokens settings;
    private final SecurityNotices notices;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final MfaPolicy mfa;
    private final ObjectProvider<DirectoryPasswords> directories;

    AccountTokens(
            AuthenticationManager passwordSignIn,
            Accounts accounts,
            StoredTokens tokens,
            TokenAuthenticator authenticator,
            IdentityProperties properties,
            SecurityNotices notices,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions,
            MfaPolicy mfa,
            ObjectProvider<DirectoryPasswords> directories) {
        this.mfa = mfa;
        this.directories = directories;
        this.passwordSignIn = passwordSignIn;
        this.accounts = accounts;
        this.tokens = tokens;
        this.authenticator = authenticator;
        this.settings = properties.tokens();
        this.notices = notices;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactions);
    }

    @Override
    public CreatedToken create(TokenRequest request, String clientAddress) {
        String name = nameOf(request.name());
        Duration lifetime = lifetimeOf(request.expiresInDays());
        Set<ApiScope> scopes = request.scopes() == null || request.scopes().isEmpty()
                ? EnumSet.of(ApiScope.READ, ApiScope.WRITE)
                : EnumSet.copyOf(request.scopes());
        // The username or the account's e-mail address; the sign-in turns either into the username.
        String username = PasswordCheck.signIn(
                passwordSignIn, request.username(), request.password(), request.otp(), clientAddress, NO_MATCH);
        Account account = accounts.findByUsername(username).orElseThrow(() -> new SignInFailedException(NO_MATCH));
        return issue(account, name, lifetime, scopes, directoryConnectionOf(account));
    }

    @Override
    public CreatedToken createAfterSignInWithoutPassword(
            HttpServletRequest request, String name, Integer expiresInDays, Set<ApiScope> scopes) {
        String tokenName = nameOf(name);
        Duration lifetime = lifetimeOf(expiresInDays);
        Set<ApiScope> granted =
                scopes == null || scopes.isEmpty() ? EnumSet.of(ApiScope.READ, ApiScope.WRITE) : EnumSet.copyOf(scopes);
        if (!signedInRecentlyWithoutPassword(request)) {
            throw new SignInFailedException(SIGN_IN_AGAIN);
        }
        Account account = accounts.findByUsername(
                        SecurityContextHolder.getContext().getAuthentication().getName())
                .orElseThrow(() -> new SignInFailedException(SIGN_IN_AGAIN));
        Object through = request.getSession().getAttribute(FederatedSignInService.SIGNED_IN_THROUGH);
        return issue(
                account, tokenName, lifetime, granted, through == null ? null : UUID.fromString(through.toString()));
    }

    @Override
    public boolean signedInRecentlyWithoutPassword(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (current == null || session == null || mfa.verdict(current) != MfaPolicy.Verdict.SIGNED_IN) {
            return false;
        }
        boolean throughIdp = current.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(MfaPolicy.IDP_FIRST_FACTORS::contains);
        return (throughIdp && fresh(session.getAttribute(FederatedSignInService.SIGNED_IN_AT)))
                || fresh(session.getAttribute(SecondFactorSignIn.PASSKEY_SIGNED_IN_AT));
    }

    private boolean fresh(@Nullable Object signedInAt) {
        return signedInAt instanceof Long at
                && clock.instant().isBefore(Instant.ofEpochMilli(at).plus(WITHOUT_PASSWORD_FRESH));
    }

    /** The LDAP connection whose directory checked the password just given, if one did. */
    private @Nullable UUID directoryConnectionOf(Account account) {
        String email = accounts.emailOf(account.id());
        if (email == null || email.isBlank()) {
            return null;
        }
        return directories
                .orderedStream()
                .map(directory -> directory.connectionOf(email))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(null);
    }

    private CreatedToken issue(
            Account account, String name, Duration lifetime, Set<ApiScope> scopes, @Nullable UUID ssoConnectionId) {
        String secret = ApiTokenSecrets.generate();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        Instant expiresAt = now.plus(lifetime);
        // Only the insert and its event in the transaction: a failed sign-in above keeps its own event.
        transactions.executeWithoutResult(status -> {
            tokens.insert(
                    id, account.id(), name, ApiTokenSecrets.sha256(secret), scopes, now, expiresAt, ssoConnectionId);
            events.publishEvent(new TokenCreated(account.id(), id, RequestOrigin.current()));
        });
        notices.tokenCreated(account, name, expiresAt);
        return new CreatedToken(id, name, secret, expiresAt, scopes);
    }

    @Override
    public List<TokenSummary> tokensOf(UUID accountId) {
        return tokens.ofAccount(accountId).stream()
                .map(token -> new TokenSummary(
                        token.id(),
                        token.name(),
                        token.scopes(),
                        token.createdAt(),
                        token.expiresAt(),
                        token.lastUsedAt(),
                        token.lastUsedFrom(),
                        token.ssoConnectionId()))
                .toList();
    }

    @Override
    public boolean revoke(UUID accountId, UUID tokenId) {
        boolean deleted = Boolean.TRUE.equals(transactions.execute(status -> {
            boolean gone = tokens.delete(accountId, tokenId);
            if (gone) {
                events.publishEvent(new TokenRevoked(accountId, tokenId, RequestOrigin.current()));
            }
            return gone;
        }));
        authenticator.forget(tokenId);
        return deleted;
    }

    @Override
    public Optional<AccountSummary> account(UUID accountId) {
        return accounts.summaryOf(accountId);
    }

    private static String nameOf(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty() || trimmed.codePointCount(0, trimmed.length()) > LONGEST_NAME) {
            throw new Refusal.Invalid("Give the token a name of 1 to " + LONGEST_NAME + " characters.");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new Refusal.Invalid("A token's name cannot hold control characters.");
        }
        return trimmed;
    }

    private Duration lifetimeOf(Integer days) {
        if (days == null) {
            return settings.defaultLifetime();
        }
        long longest = settings.longestLifetime().toDays();
        if (days < 1 || days > longest) {
            throw new Refusal.Invalid("expiresInDays is a number of days from 1 to " + longest + ".");
        }
        return Duration.ofDays(days);
    }
}
