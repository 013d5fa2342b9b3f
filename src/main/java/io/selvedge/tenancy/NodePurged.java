package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A deleted node's restore window passed and its row is gone. */
public record NodePurged(UUID groupId, UUID nodeId, NodeKind kind, AuditActor auditActor, RequestOrigin auditOrigin)
        implements NodeEvent {

    @Override
    public String auditAction() {
        return kind.auditName() + ".purged";
    }
}
