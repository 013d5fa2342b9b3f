package io.selvedge.collab;

import io.selvedge.content.StyleEvent;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A style was put in review, approved or rejected; the history keeps it. */
public record ApprovalRecorded(
        UUID groupId, UUID styleId, UUID approvalId, String status, AuditActor auditActor, RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "style.approval";
    }
}
