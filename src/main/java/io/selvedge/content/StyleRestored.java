package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A deleted style was restored. */
public record StyleRestored(UUID groupId, UUID styleId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "style.restored";
    }
}
