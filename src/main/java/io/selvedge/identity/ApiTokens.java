package io.selvedge.identity;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * API tokens of accounts: created with the account's password (throttled like the sign-in page),
 * listed and revoked by their owner. The secret is returned once, by {@link #create}; only its hash is kept.
 */
public interface ApiTokens {

    /**
     * Checks the password (and, for an account with MFA, the one-time code), then makes a token.
     *
     * @throws SignInFailedException for a wrong password and an unknown username alike
     * @throws TooManyAttemptsException while too many attempts have failed
     * @throws io.selvedge.platform.Refusal.Invalid for a bad name or lifetime
     */
    CreatedToken create(TokenRequest request, String clientAddress);

    /**
     * Makes a token for the account signed in on this request's web session, without a password, if that
     * session signed in through an OIDC or SAML identity provider, or with a passkey, within the last
     * {@link #WITHOUT_PASSWORD_FRESH} and passed every sign-in step: for accounts that have no password, and
     * for staff who must sign in with a passkey ({@code selvedge.staff.passkey-required}).
     *
     * @throws SignInFailedException if the session did not sign in that way, or too long ago
     * @throws io.selvedge.platform.Refusal.Invalid for a bad name or lifetime
     */
    CreatedToken createAfterSignInWithoutPassword(
            HttpServletRequest request, String name, Integer expiresInDays, Set<ApiScope> scopes);

    /** Whether {@link #createAfterSignInWithoutPassword} would take this request's session. */
    boolean signedInRecentlyWithoutPassword(HttpServletRequest request);

    /** How recent an SSO or passkey sign-in must be for {@link #createAfterSignInWithoutPassword}. */
    java.time.Duration WITHOUT_PASSWORD_FRESH = java.time.Duration.ofMinutes(15);

    List<TokenSummary> tokensOf(UUID accountId);

    /** False if the account has no such token. */
    boolean revoke(UUID accountId, UUID tokenId);

    Optional<AccountSummary> account(UUID accountId);

    /** What the token endpoint receives; {@code expiresInDays} and {@code scopes} may be null. */
    record TokenRequest(
            String username, String password, String otp, String name, Integer expiresInDays, Set<ApiScope> scopes) {

        @Override
        public String toString() {
            return "TokenRequest[username=" + username + ", name=" + name + "]";
        }
    }

    /** The new token; {@code token} is the secret, shown only here. */
    record CreatedToken(UUID id, String name, String token, Instant expiresAt, Set<ApiScope> scopes) {

        @Override
        public String toString() {
            return "CreatedToken[id=" + id + ", name=" + name + "]";
        }
    }

    /** A token as its owner sees it; {@code ssoConnectionId} the connection its owner signed in through to make it. */
    record TokenSummary(
            UUID id,
            String name,
            Set<ApiScope> scopes,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            String lastUsedFrom,
            @Nullable UUID ssoConnectionId) {

        /** Made by an account signed in through single sign-on (OIDC, SAML, or its directory's password). */
        public boolean sso() {
            return ssoConnectionId != null;
        }
    }
}
