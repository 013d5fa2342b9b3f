package io.selvedge.content;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** Something that happened to one version of a style: audited with the version as target. */
public interface VersionEvent extends GroupEvent {

    UUID versionId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("version", versionId());
    }
}
