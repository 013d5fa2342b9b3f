package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An account registered a passkey; {@code credentialId} is its WebAuthn credential id (base64url). */
public record PasskeyRegistered(UUID accountId, String credentialId, RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return null;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(accountId);
    }

    @Override
    public String auditAction() {
        return "passkey.registered";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("passkey", credentialId);
    }
}
