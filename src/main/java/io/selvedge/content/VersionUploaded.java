package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A version was stored, whole, and became visible. */
public record VersionUploaded(
        UUID groupId,
        UUID styleId,
        UUID versionId,
        int number,
        long size,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements VersionEvent {

    @Override
    public String auditAction() {
        return "version.uploaded";
    }
}
