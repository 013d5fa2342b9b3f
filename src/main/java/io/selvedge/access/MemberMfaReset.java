package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin reset a member's MFA (identity's {@code MfaReset} records it on the platform trail too). */
public record MemberMfaReset(UUID groupId, UUID accountId, UUID resetBy, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(resetBy);
    }

    @Override
    public String auditAction() {
        return "member.mfa-reset";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
