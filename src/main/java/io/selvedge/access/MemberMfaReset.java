package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A group admin reset a member's MFA (identity's {@code MfaReset} records it on the platform trail too). */
public record MemberMfaReset(UUID groupId, UUID accountId, AuditActor auditActor, RequestOrigin auditOrigin)
        implements MemberEvent {

    @Override
    public String auditAction() {
        return "member.mfa-reset";
    }
}
