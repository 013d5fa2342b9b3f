package io.selvedge.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's passkeys, for its owner: list, rename, remove. Registration is the browser's WebAuthn
 * ceremony, at Spring Security's {@code /webauthn/register} endpoints.
 */
public interface Passkeys {

    List<Passkey> of(UUID accountId);

    /** False if the account has no such passkey. */
    boolean rename(UUID accountId, String credentialId, String label);

    /** False if the account has no such passkey. */
    boolean remove(UUID accountId, String credentialId);

    /** A passkey: its credential id (base64url), the owner's label for it, when made and last used. */
    record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {}
}
