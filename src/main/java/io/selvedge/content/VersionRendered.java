package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A viewer's browser rendered a version's thumbnail and turntable (in a colorway, or its own look). */
public record VersionRendered(
        UUID groupId,
        UUID styleId,
        UUID versionId,
        @Nullable UUID colorwayId,
        int frames,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements VersionEvent {

    @Override
    public String auditAction() {
        return "version.rendered";
    }
}
