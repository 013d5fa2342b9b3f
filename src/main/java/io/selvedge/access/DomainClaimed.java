package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin claimed an e-mail domain for the group (unverified). Carries the claim's id; the trail names the domain. */
public record DomainClaimed(UUID groupId, UUID domainId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements DomainEvent {

    @Override
    public String auditAction() {
        return "domain.claimed";
    }
}
