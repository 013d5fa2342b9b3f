package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A share link was revoked. */
public record LinkRevoked(UUID groupId, UUID linkId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements LinkEvent {

    @Override
    public String auditAction() {
        return "link.revoked";
    }
}
