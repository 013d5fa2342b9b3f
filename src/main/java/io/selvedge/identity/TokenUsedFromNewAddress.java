package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * An API token authenticated a request from an address it had not been used from (its first use counts
 * as new); on the platform trail beside the token's other events. The address itself is in the origin,
 * which the trail keeps encrypted.
 */
public record TokenUsedFromNewAddress(UUID accountId, UUID tokenId, RequestOrigin auditOrigin)
        implements AuditableEvent {

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
        return "token.used-from-new-address";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("token", tokenId);
    }
}
