package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A season or workroom moved to another parent. */
public record NodeMoved(
        UUID groupId,
        UUID nodeId,
        NodeKind kind,
        UUID fromParentId,
        UUID toParentId,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public String auditAction() {
        return kind.auditName() + ".moved";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(kind.auditName(), nodeId);
    }
}
