package io.selvedge.tenancy;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** Something that happened to one node of a group's tree: audited on the group's trail, with the node as target. */
public interface NodeEvent extends GroupEvent {

    UUID nodeId();

    NodeKind kind();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of(kind().auditName(), nodeId());
    }
}
