package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A style was deleted, restorably until {@code restorableUntil}. */
public record StyleDeleted(
        UUID groupId, UUID styleId, java.time.Instant restorableUntil, AuditActor auditActor, RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "style.deleted";
    }
}
