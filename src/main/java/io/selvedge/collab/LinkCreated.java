package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A share link was created for a style or a workroom. */
public record LinkCreated(UUID groupId, UUID linkId, UUID targetId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements LinkEvent {

    @Override
    public String auditAction() {
        return "link.created";
    }
}
