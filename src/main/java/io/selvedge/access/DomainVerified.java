package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group's e-mail domain was verified, through DNS or by a platform admin's hand ({@code byStaff}); or a
 * verification failed ({@code failure} says why: the record is missing, another group holds the domain).
 */
public record DomainVerified(
        UUID groupId,
        UUID domainId,
        AuditActor auditActor,
        boolean byStaff,
        @Nullable String failure,
        RequestOrigin auditOrigin)
        implements DomainEvent {

    @Override
    public String auditAction() {
        return byStaff ? "domain.verified-by-staff" : "domain.verified";
    }

    @Override
    public AuditOutcome auditOutcome() {
        return failure == null ? AuditOutcome.SUCCEEDED : AuditOutcome.FAILED;
    }
}
