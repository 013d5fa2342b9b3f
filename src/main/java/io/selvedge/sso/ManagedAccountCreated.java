package io.selvedge.sso;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** The first SSO sign-in (or a directory's provisioning) created a managed account just in time. */
public record ManagedAccountCreated(UUID groupId, UUID connectionId, UUID accountId, RequestOrigin origin)
        implements ConnectionEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.system();
    }

    @Override
    public String auditAction() {
        return "sso.account.created";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }
}
