package io.selvedge.identity;

import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * A staff web session was used from another client address than the one it signed in from, and was ended
 * ({@code selvedge.staff.session-bound-to-address}). The entry's address is the new one; {@code sessionHandle}
 * names the session as the session list does.
 */
public record StaffSessionAddressChanged(UUID accountId, String sessionHandle, RequestOrigin auditOrigin)
        implements AccountEvent {

    @Override
    public String auditAction() {
        return "session.address-changed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("session", sessionHandle);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.DENIED;
    }
}
