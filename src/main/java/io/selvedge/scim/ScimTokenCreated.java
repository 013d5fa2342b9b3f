package io.selvedge.scim;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin created a SCIM bearer token (named by its id, never its secret). */
public record ScimTokenCreated(UUID groupId, UUID tokenId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements GroupEvent {

    @Override
    public String auditAction() {
        return "scim-token.created";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("scim-token", tokenId);
    }
}
