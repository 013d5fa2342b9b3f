package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A staff member's request was served under an approved access request: one entry per HTTP request and
 * group, on the group's trail ({@code trailGroupId} the group) and the platform's (null), naming the access
 * request; the entry's request id is the HTTP request's, as in the logs.
 */
public record StaffAccessUsed(
        @Nullable UUID trailGroupId, UUID groupId, UUID requestId, UUID staffId, RequestOrigin auditOrigin)
        implements AccessRequestEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(staffId);
    }

    @Override
    public String auditAction() {
        return "staff-access.used";
    }
}
