package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A material file (one colourway) was added to an OBJ version, showing the colorway named. */
public record VersionMaterialAdded(
        UUID groupId,
        UUID styleId,
        UUID versionId,
        UUID materialId,
        @Nullable UUID colorwayId,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements VersionEvent {

    @Override
    public String auditAction() {
        return "version.material-added";
    }
}
