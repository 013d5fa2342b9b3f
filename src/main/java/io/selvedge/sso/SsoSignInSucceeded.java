package io.selvedge.sso;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A managed account signed in through the group's identity provider ({@code idpMfa}: the provider did MFA). */
public record SsoSignInSucceeded(
        UUID groupId, UUID connectionId, UUID accountId, ConnectionType type, boolean idpMfa, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(accountId);
    }

    @Override
    public String auditAction() {
        return "sso.sign-in.succeeded";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.SUCCEEDED;
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
