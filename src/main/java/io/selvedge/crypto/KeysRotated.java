package io.selvedge.crypto;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Keys were rotated: a group's field and file keys (on the group's trail), or a store's key-encrypting
 * key (on the platform trail; the operator command acts as the system).
 *
 * @param groupId the group whose keys rotated; null for a store's key-encrypting key
 * @param store the store ({@code global}, {@code region-eu}...) whose key-encrypting key rotated; null for a group
 */
public record KeysRotated(
        @Nullable UUID groupId, @Nullable String store, AuditActor auditActor, RequestOrigin auditOrigin)
        implements AuditableEvent {

    @Override
    public UUID auditGroupId() {
        return groupId;
    }

    @Override
    public String auditAction() {
        return groupId != null ? "keys.rotated" : "kek.rotated";
    }

    @Override
    public AuditTarget auditTarget() {
        return groupId != null ? AuditTarget.of("group", groupId) : AuditTarget.of("store", store);
    }
}
