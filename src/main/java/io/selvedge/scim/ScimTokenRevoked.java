package io.selvedge.scim;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin revoked a SCIM bearer token (named by its id, never its secret). */
public record ScimTokenRevoked(UUID groupId, UUID tokenId, UUID by, RequestOrigin origin) implements AuditableEvent {

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
        return "scim-token.revoked";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("scim-token", tokenId);
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
