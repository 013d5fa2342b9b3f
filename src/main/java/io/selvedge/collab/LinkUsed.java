package io.selvedge.collab;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A share link was opened, or a download made through it ({@code use}: opened, download, refused). */
public record LinkUsed(UUID groupId, UUID linkId, String use, RequestOrigin origin) implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.link(linkId);
    }

    @Override
    public String auditAction() {
        return "link.used";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("link", linkId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return "refused".equals(use) ? AuditOutcome.FAILED : AuditOutcome.SUCCEEDED;
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
