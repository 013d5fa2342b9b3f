package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A deleted node was restored, with what its deletion took along. */
public record NodeRestored(UUID groupId, UUID nodeId, NodeKind kind, AuditActor auditActor, RequestOrigin auditOrigin)
        implements NodeEvent {

    @Override
    public String auditAction() {
        return kind.auditName() + ".restored";
    }
}
