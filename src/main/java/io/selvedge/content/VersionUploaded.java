package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A version was stored, whole, and became visible. */
public record VersionUploaded(
        UUID groupId, UUID styleId, UUID versionId, int number, long size, UUID actor, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(actor);
    }

    @Override
    public String auditAction() {
        return "version.uploaded";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("version", versionId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
