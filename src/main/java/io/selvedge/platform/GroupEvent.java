package io.selvedge.platform;

import java.util.UUID;

/**
 * An auditable event that happened in a group: it goes on the group's trail, and is about the group
 * itself unless a narrower kind of event names another target.
 */
public interface GroupEvent extends AuditableEvent {

    UUID groupId();

    @Override
    default UUID auditGroupId() {
        return groupId();
    }

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("group", groupId());
    }
}
