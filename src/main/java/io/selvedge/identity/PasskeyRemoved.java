package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A passkey was removed, by its owner or by an MFA reset (the admin who reset it is the actor). */
public record PasskeyRemoved(UUID accountId, String credentialId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements PasskeyEvent {

    @Override
    public String auditAction() {
        return "passkey.removed";
    }
}
