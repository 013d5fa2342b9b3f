package io.selvedge.sso;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A managed account signed in through the group's identity provider ({@code idpMfa}: the provider did MFA). */
public record SsoSignInSucceeded(
        UUID groupId, UUID connectionId, UUID accountId, ConnectionType type, boolean idpMfa, RequestOrigin origin)
        implements ConnectionEvent {

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
}
