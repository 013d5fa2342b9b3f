package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * The confirmation link of a new e-mail address was followed and the address changed (the old one was
 * told). No address is carried, only the account's id.
 */
public record EmailChanged(UUID accountId, AuditOutcome outcome, RequestOrigin origin) implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return null;
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(accountId);
    }

    @Override
    public String auditAction() {
        return "email.changed";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return outcome;
    }

    @Override
    public RequestOrigin auditOrigin() {
        return origin;
    }
}
