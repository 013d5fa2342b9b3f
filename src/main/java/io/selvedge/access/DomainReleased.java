package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin withdrew the group's claim of an e-mail domain. Carries the claim's id; the trail names the domain. */
public record DomainReleased(UUID groupId, UUID domainId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements DomainEvent {

    @Override
    public String auditAction() {
        return "domain.released";
    }
}
