package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin named the group's break-glass accounts ({@code count} of them now). */
public record BreakGlassAccountsChanged(UUID groupId, AuditActor auditActor, int count, RequestOrigin auditOrigin)
        implements GroupEvent {

    @Override
    public String auditAction() {
        return "security-policy.break-glass-changed";
    }
}
