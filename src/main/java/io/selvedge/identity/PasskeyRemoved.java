package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A passkey was removed, by its owner or by an MFA reset ({@code byAccountId}). */
public record PasskeyRemoved(UUID accountId, String credentialId, UUID byAccountId, RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return null;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(byAccountId);
    }

    @Override
    public String auditAction() {
        return "passkey.removed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("passkey", credentialId);
    }
}
