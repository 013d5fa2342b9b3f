package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * The managing group acted on one of its accounts ({@link ManagedAccountActions}).
 *
 * @param change {@code disabled}, {@code enabled}, {@code deleted}, {@code sessions-ended} or
 *     {@code tokens-revoked}
 */
public record ManagedAccountChanged(UUID groupId, UUID accountId, String change, AuditActor by, RequestOrigin origin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public AuditActor auditActor() {
        return by;
    }

    @Override
    public String auditAction() {
        return "account." + change;
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
