package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
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
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public String auditAction() {
        return kind.auditName() + ".created";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(kind.auditName(), nodeId);
    }
}
