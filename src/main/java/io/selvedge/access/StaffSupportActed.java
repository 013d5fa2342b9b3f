package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A support operation a staff member did under an approved {@link AccessScope#SUPPORT_ACTIONS} request (an
 * outside collaborator's MFA reset, a stuck upload aborted): one entry on the group's trail
 * ({@code trailGroupId} the group) and one on the platform's (null), each beside the request's
 * {@link StaffAccessUsed} entry with the same HTTP request id, which names the access request.
 *
 * @param operation {@code mfa-reset} or {@code upload-aborted}
 * @param target what it was done to: the account, or the upload
 */
public record StaffSupportActed(
        @Nullable UUID trailGroupId,
        UUID groupId,
        UUID requestId,
        UUID staffId,
        String operation,
        AuditTarget target,
        RequestOrigin auditOrigin)
        implements AccessRequestEvent {

    /** Both entries: the group's trail's and the platform's. */
    public static StaffSupportActed[] onBothTrails(
            AccessRequest request, UUID staffId, String operation, AuditTarget target) {
        RequestOrigin origin = RequestOrigin.current();
        return new StaffSupportActed[] {
            new StaffSupportActed(
                    request.groupId(), request.groupId(), request.id(), staffId, operation, target, origin),
            new StaffSupportActed(null, request.groupId(), request.id(), staffId, operation, target, origin)
        };
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(staffId);
    }

    @Override
    public String auditAction() {
        return "staff-support." + operation;
    }

    @Override
    public AuditTarget auditTarget() {
        return target;
    }
}
