package io.selvedge.identity;

import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * The confirmation link of a new e-mail address was followed and the address changed (the old one was
 * told). No address is carried, only the account's id.
 */
public record EmailChanged(UUID accountId, AuditOutcome auditOutcome, RequestOrigin auditOrigin)
        implements AccountEvent {

    @Override
    public String auditAction() {
        return "email.changed";
    }
}
