package io.selvedge.platform;

import java.util.UUID;

/** An auditable event that a signed-in account ({@code by}) caused in a group: it goes on the group's trail. */
public interface AccountActionInGroup extends AuditableEvent {

    UUID groupId();

    /** The account that acted. */
    UUID by();

    RequestOrigin origin();

    @Override
    default UUID auditGroupId() {
        return groupId();
    }

    @Override
    default AuditActor auditActor() {
        return AuditActor.account(by());
    }

    @Override
    default RequestOrigin auditOrigin() {
        return origin();
    }
}
