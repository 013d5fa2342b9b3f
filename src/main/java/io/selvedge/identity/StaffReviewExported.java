package io.selvedge.identity;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A platform admin exported the staff access review ({@code format} csv or json); on the platform trail. */
public record StaffReviewExported(UUID accountId, String format, RequestOrigin auditOrigin) implements AccountEvent {

    @Override
    public String auditAction() {
        return "staff.review-exported";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("staff-review", format);
    }
}
