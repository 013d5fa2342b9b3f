package io.selvedge.access;

import io.selvedge.platform.AccountActionInGroup;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin named the group's break-glass accounts ({@code count} of them now). */
public record BreakGlassAccountsChanged(UUID groupId, UUID by, int count, RequestOrigin origin)
        implements AccountActionInGroup {

    @Override
    public String auditAction() {
        return "security-policy.break-glass-changed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("group", groupId);
    }
}
