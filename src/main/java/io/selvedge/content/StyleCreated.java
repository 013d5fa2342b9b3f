package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A style was created in a workroom. */
public record StyleCreated(
        UUID groupId, UUID styleId, UUID workroomId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "style.created";
    }
}
