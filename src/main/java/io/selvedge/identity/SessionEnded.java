package io.selvedge.identity;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** A web session ended: {@code how} is {@code signed-out}, {@code ended-by-owner} (one session or everywhere), {@code timed-out} or {@code mfa-reset}; {@code sessionHandle} names it as the session list does, never by its id. */
public record SessionEnded(UUID accountId, String sessionHandle, String how, RequestOrigin auditOrigin)
        implements AccountEvent {

    @Override
    public String auditAction() {
        return "session.ended";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("session", sessionHandle);
    }
}
