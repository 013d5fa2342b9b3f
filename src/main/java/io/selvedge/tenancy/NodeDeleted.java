package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.time.Instant;
import java.util.UUID;

/**
 * A node was deleted, with what was below it; it can be restored until {@code restorableUntil}.
 *
 * @param nodesTaken how many nodes the deletion took along, the node itself included
 */
public record NodeDeleted(
        UUID groupId,
        UUID nodeId,
        NodeKind kind,
        int nodesTaken,
        Instant restorableUntil,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public String auditAction() {
        return kind.auditName() + ".deleted";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(kind.auditName(), nodeId);
    }
}
