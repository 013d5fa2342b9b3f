package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An admin took a share link over: it now answers to them, no longer to {@code previousOwner}. */
public record LinkTakenOver(
        UUID groupId, UUID linkId, UUID previousOwner, AuditActor auditActor, RequestOrigin auditOrigin)
        implements LinkEvent {

    @Override
    public String auditAction() {
        return "link.taken-over";
    }
}
