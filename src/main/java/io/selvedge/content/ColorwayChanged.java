package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.Set;
import java.util.UUID;

/** A colorway was renamed, recoloured or given another image (which fields: names only, never values). */
public record ColorwayChanged(
        UUID groupId,
        UUID styleId,
        UUID colorwayId,
        Set<String> fields,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "colorway.changed";
    }
}
