package io.selvedge.access;

import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something about a staff access request, published once for the group's trail ({@code trailGroupId} the
 * group) and once for the platform's ({@code trailGroupId} null), naming the access request unless the event
 * names what it did to.
 */
public interface AccessRequestEvent extends AuditableEvent {

    @Nullable
    UUID trailGroupId();

    UUID requestId();

    @Override
    default @Nullable UUID auditGroupId() {
        return trailGroupId();
    }

    @Override
    default AuditTarget auditTarget() {
        return AuditTarget.of("access-request", requestId());
    }
}
