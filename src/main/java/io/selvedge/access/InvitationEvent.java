package io.selvedge.access;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** Something that happened to one invitation: audited on its group's trail, with the invitation as target. */
public interface InvitationEvent extends GroupEvent {

    UUID invitationId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("invitation", invitationId());
    }
}
