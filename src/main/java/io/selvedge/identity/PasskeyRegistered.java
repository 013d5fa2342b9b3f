package io.selvedge.identity;

import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An account registered a passkey; {@code credentialId} is its WebAuthn credential id (base64url). */
public record PasskeyRegistered(UUID accountId, String credentialId, RequestOrigin auditOrigin)
        implements PasskeyEvent {

    @Override
    public String auditAction() {
        return "passkey.registered";
    }
}
