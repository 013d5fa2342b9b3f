package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * A platform admin decided on a staff account in the staff access review: on the platform trail, the admin as
 * actor and the account as target. Taking the role away or disabling the account also ended its sessions and
 * revoked its tokens.
 */
public record StaffAccessReviewed(
        UUID accountId, String staffRole, Decision decision, UUID reviewerId, RequestOrigin auditOrigin)
        implements AccountEvent {

    /** What the review decided, with the action the trail stores for it. */
    @RequiredArgsConstructor
    public enum Decision {
        CONFIRMED("staff.access-confirmed"),
        ROLE_REMOVED("staff.role-removed"),
        ACCOUNT_DISABLED("staff.account-disabled");

        private final String action;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(reviewerId);
    }

    @Override
    public String auditAction() {
        return decision.action;
    }
}
