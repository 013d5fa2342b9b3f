package io.selvedge.access;

import io.selvedge.platform.AccountActionInGroup;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin claimed an e-mail domain for the group (unverified). Carries the claim's id; the trail names the domain. */
public record DomainClaimed(UUID groupId, UUID domainId, UUID by, RequestOrigin origin)
        implements AccountActionInGroup {

    @Override
    public String auditAction() {
        return "domain.claimed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("domain", domainId);
    }
}
