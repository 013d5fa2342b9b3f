package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * The managing group acted on one of its accounts ({@link ManagedAccountActions}).
 *
 * @param change {@code disabled}, {@code enabled}, {@code deleted}, {@code sessions-ended} or
 *     {@code tokens-revoked}
 */
public record ManagedAccountChanged(
        UUID groupId, UUID accountId, String change, AuditActor auditActor, RequestOrigin auditOrigin)
        implements MemberEvent {

    @Override
    public String auditAction() {
        return "account." + change;
    }
}
