package io.selvedge.sso;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group's single sign-on connection was created, changed or deleted ({@code change}). No settings, no secret. */
public record IdentityProviderChanged(
        UUID groupId, UUID connectionId, ConnectionType type, Change change, UUID by, RequestOrigin origin)
        implements AuditableEvent {

    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(by);
    }

    @Override
    public String auditAction() {
        return "identity-provider." + change.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("identity-provider", connectionId);
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
