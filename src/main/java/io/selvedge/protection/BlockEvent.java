package io.selvedge.protection;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.PlatformEvent;

/** A block was added or lifted: on the platform trail, named by the block's id (an address, or a token's hash). */
public interface BlockEvent extends PlatformEvent {

    String blockId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("block", blockId());
    }
}
