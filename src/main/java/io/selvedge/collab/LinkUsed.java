package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A share link was opened, or a download made through it ({@code use}: opened, download, refused). */
public record LinkUsed(UUID groupId, UUID linkId, String use, RequestOrigin auditOrigin) implements LinkEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.link(linkId);
    }

    @Override
    public String auditAction() {
        return "link.used";
    }

    @Override
    public AuditOutcome auditOutcome() {
        return "refused".equals(use) ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED;
    }
}
