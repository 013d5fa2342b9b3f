package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An access request was made, approved, denied or revoked. Published twice, for the group's trail
 * ({@code trailGroupId} the group) and the platform's ({@code trailGroupId} null).
 *
 * @param change {@code requested}, {@code approved}, {@code denied} or {@code revoked}
 */
public record AccessRequestChanged(
        @Nullable UUID trailGroupId,
        UUID groupId,
        UUID requestId,
        AuditActor auditActor,
        String change,
        RequestOrigin auditOrigin)
        implements AccessRequestEvent {

    @Override
    public String auditAction() {
        return "access-request." + change;
    }
}
