package io.selvedge.collab;

import io.selvedge.content.StyleEvent;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A colorway of a style was put in review, approved or rejected; its history keeps it. */
public record ColorwayApprovalRecorded(
        UUID groupId,
        UUID styleId,
        UUID colorwayId,
        UUID approvalId,
        String status,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "colorway.approval";
    }
}
