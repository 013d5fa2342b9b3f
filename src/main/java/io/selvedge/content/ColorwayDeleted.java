package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A colorway was removed from its style, with its approvals; comments tagged with it stay, untagged. */
public record ColorwayDeleted(
        UUID groupId, UUID styleId, UUID colorwayId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "colorway.deleted";
    }
}
