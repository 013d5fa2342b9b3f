package io.selvedge.collab;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** Something that happened to one share link: audited with the link as target. */
public interface LinkEvent extends GroupEvent {

    UUID linkId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("link", linkId());
    }
}
