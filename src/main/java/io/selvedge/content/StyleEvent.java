package io.selvedge.content;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** Something that happened to one style: audited on its group's trail, with the style as target. */
public interface StyleEvent extends GroupEvent {

    UUID styleId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("style", styleId());
    }
}
