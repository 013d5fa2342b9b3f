package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A node was renamed. The names are not in the event: they are the customer's. */
public record NodeRenamed(UUID groupId, UUID nodeId, NodeKind kind, AuditActor auditActor, RequestOrigin auditOrigin)
        implements NodeEvent {

    @Override
    public String auditAction() {
        return kind.auditName() + ".renamed";
    }
}
