package io.selvedge.access;

import io.selvedge.platform.AccountActionInGroup;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin withdrew the group's claim of an e-mail domain. Carries the claim's id; the trail names the domain. */
public record DomainReleased(UUID groupId, UUID domainId, UUID by, RequestOrigin origin)
        implements AccountActionInGroup {

    @Override
    public String auditAction() {
        return "domain.released";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("domain", domainId);
    }
}
