package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
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
        implements NodeEvent {

    @Override
    public String auditAction() {
        return kind.auditName() + ".moved";
    }
}
