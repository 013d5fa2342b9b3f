package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A deleted node was restored, with what its deletion took along. */
public record NodeRestored(UUID groupId, UUID nodeId, NodeKind kind, AuditActor auditActor, RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public String auditAction() {
        return kind.auditName() + ".restored";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(kind.auditName(), nodeId);
    }
}
