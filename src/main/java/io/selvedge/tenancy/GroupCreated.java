package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * A group was created. The access module grants its creator the group-admin role on it, in the same
 * transaction, unless platform staff created it for a customer (staff hold no role in customer groups).
 *
 * @param auditActor the account that created the group
 * @param creatorIsAdmin false when platform staff created it for a customer, who is invited as its admin
 */
public record GroupCreated(
        UUID groupId, String region, AuditActor auditActor, boolean creatorIsAdmin, RequestOrigin auditOrigin)
        implements GroupEvent {

    public GroupCreated(UUID groupId, String region, AuditActor auditActor, RequestOrigin auditOrigin) {
        this(groupId, region, auditActor, true, auditOrigin);
    }

    @Override
    public String auditAction() {
        return "group.created";
    }
}
