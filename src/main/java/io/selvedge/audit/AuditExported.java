package io.selvedge.audit;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A trail was exported (itself an entry of the trail it exported). */
public record AuditExported(
        @Nullable UUID groupId, ExportFormat format, AuditActor auditActor, RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public String auditAction() {
        return "audit-trail.exported";
    }

    @Override
    public AuditTarget auditTarget() {
        return groupId == null ? new AuditTarget("platform", null) : AuditTarget.of("group", groupId);
    }
}
