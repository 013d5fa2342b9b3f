package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A version's 3D model or thumbnail was served for viewing. */
public record VersionPreviewed(
        UUID groupId, UUID styleId, UUID versionId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements VersionEvent {

    @Override
    public String auditAction() {
        return "version.previewed";
    }
}
