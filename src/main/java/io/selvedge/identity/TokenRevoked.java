package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/** An account's API token was revoked (by the account itself); on the platform trail, named by its id. */
public record TokenRevoked(UUID accountId, UUID tokenId, RequestOrigin auditOrigin) implements AuditableEvent {

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
        return "token.revoked";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("token", tokenId);
    }
}
