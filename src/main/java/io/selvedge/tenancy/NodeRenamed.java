package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A node was renamed. The names are not in the event: they are the customer's. */
public record NodeRenamed(UUID groupId, UUID nodeId, NodeKind kind, AuditActor auditActor, RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public String auditAction() {
        return kind.auditName() + ".renamed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(kind.auditName(), nodeId);
    }
}
