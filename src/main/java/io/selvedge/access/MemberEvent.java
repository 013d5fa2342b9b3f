package io.selvedge.access;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** Something that happened to one account's place in a group: audited on the group's trail, with the account as target. */
public interface MemberEvent extends GroupEvent {

    UUID accountId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("account", accountId());
    }
}
