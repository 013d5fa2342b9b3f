package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A company, brand, season or workroom was created (a company's parent id is null). */
public record NodeCreated(
        UUID groupId,
        UUID nodeId,
        NodeKind kind,
        @Nullable UUID parentId,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements NodeEvent {

    @Override
    public String auditAction() {
        return kind.auditName() + ".created";
    }
}
