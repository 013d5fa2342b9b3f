package io.selvedge.scim;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The bearer tokens with which a group's directory reaches {@code /scim/v2}. A token is shown once, by
 * {@link #create}; only its SHA-256 is kept (in the directory's home of the token, to find its group), and
 * its name is encrypted under the group's keys. A token reaches its own group's users and groups only.
 * Making and revoking are on the group's trail; who may is the handler's permission
 * ({@code MANAGE_SCIM_TOKENS} on the group).
 */
public interface ScimTokens {

    int MAX_NAME = 100;

    /**
     * Makes a token for the current caller. Publishes {@link ScimTokenCreated}.
     *
     * @throws IllegalArgumentException if the name is blank or longer than {@link #MAX_NAME}
     */
    CreatedScimToken create(UUID groupId, String name);

    /** The group's tokens, newest first, never their secrets. */
    List<ScimToken> tokensOf(UUID groupId);

    /** Revokes a token at once; false if the group has no such token. Publishes {@link ScimTokenRevoked}. */
    boolean revoke(UUID groupId, UUID tokenId);

    record ScimToken(
            UUID id,
            String name,
            UUID createdBy,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    /** The new token; {@code token} is the secret, shown only here. */
    record CreatedScimToken(UUID id, String name, String token, Instant createdAt) {

        @Override
        public String toString() {
            return "CreatedScimToken[id=" + id + "]";
        }
    }
}
