package io.selvedge.identity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * API tokens of accounts: created with the account's password (throttled like the sign-in page),
 * listed and revoked by their owner. The secret is returned once, by {@link #create}; only its hash is kept.
 */
public interface ApiTokens {

    /**
     * Checks the password (and, for an account with MFA, the one-time code), then makes a token.
     *
     * @throws SignInFailedException for a wrong password and an unknown username alike
     * @throws SignInThrottledException while too many attempts have failed
     * @throws IllegalArgumentException for a bad name, lifetime or scope
     */
    CreatedToken create(TokenRequest request, String clientAddress);

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

    record TokenSummary(
            UUID id,
            String name,
            Set<ApiScope> scopes,
            Instant createdAt,
            Instant expiresAt,
            Instant lastUsedAt,
            String lastUsedFrom) {}
}
