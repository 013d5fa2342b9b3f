package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An account turned on a second factor: {@code method} is {@code totp} or {@code passkey}. */
public record MfaEnrolled(UUID accountId, String method, RequestOrigin auditOrigin) implements AuditableEvent {

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
        return "mfa.enrolled";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }
}
