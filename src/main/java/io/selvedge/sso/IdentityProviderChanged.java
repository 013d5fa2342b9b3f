package io.selvedge.sso;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group's single sign-on connection was created, changed or deleted ({@code change}). No settings, no secret. */
public record IdentityProviderChanged(
        UUID groupId, UUID connectionId, ConnectionType type, Change change, UUID by, RequestOrigin origin)
        implements ConnectionEvent {

    public enum Change {
        CREATED,
        UPDATED,
        DELETED
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(by);
    }

    @Override
    public String auditAction() {
        return "identity-provider." + change.name().toLowerCase(java.util.Locale.ROOT);
    }
}
