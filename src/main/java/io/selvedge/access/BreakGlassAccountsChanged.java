package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin named the group's break-glass accounts ({@code count} of them now). */
public record BreakGlassAccountsChanged(UUID groupId, UUID by, int count, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(by);
    }

    @Override
    public String auditAction() {
        return "security-policy.break-glass-changed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("group", groupId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.SUCCEEDED;
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
