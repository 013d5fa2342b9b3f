package io.selvedge.access;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import java.util.UUID;

/** A group admin's action on one of the group's e-mail domains, with the domain claim as target. */
public interface DomainEvent extends GroupEvent {

    UUID domainId();

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("domain", domainId());
    }
}
