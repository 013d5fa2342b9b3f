package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
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
        implements NodeEvent {

    @Override
    public String auditAction() {
        return kind.auditName() + ".deleted";
    }
}
