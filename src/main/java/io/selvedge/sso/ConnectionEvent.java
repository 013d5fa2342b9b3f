package io.selvedge.sso;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;

/**
 * Something that happened through one of a group's single sign-on connections: on the group's trail, about the
 * connection unless the event names an account.
 */
public interface ConnectionEvent extends GroupEvent {

    UUID connectionId();

    /** Where the request came from; these records keep it under this name in the outbox. */
    RequestOrigin origin();

    @Override
    default RequestOrigin auditOrigin() {
        return origin();
    }

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("identity-provider", connectionId());
    }
}
