package io.selvedge.content;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * A colorway was added to a style, by hand or read from a version's file ({@code versionId}, null when by
 * hand).
 */
public record ColorwayCreated(
        UUID groupId,
        UUID styleId,
        UUID colorwayId,
        @org.jspecify.annotations.Nullable UUID versionId,
        AuditActor auditActor,
        RequestOrigin auditOrigin)
        implements StyleEvent {

    @Override
    public String auditAction() {
        return "colorway.created";
    }
}
