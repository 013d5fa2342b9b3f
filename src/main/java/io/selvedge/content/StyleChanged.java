package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A style's details or status changed (which fields: names only, never values). */
public record StyleChanged(
        UUID groupId, UUID styleId, java.util.Set<String> fields, AuditActor auditActor, RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "style.changed";
    }
}
