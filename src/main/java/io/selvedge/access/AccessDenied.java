package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditOutcome;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.GroupEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The decision point refused an action on a target that exists (refusals on unknown ids are not
 * recorded: there is no group whose trail they belong to).
 *
 * @param actor the caller's account; null for a caller without one
 * @param status 404 when the caller may not even see the target, 403 when they may see it
 */
public record AccessDenied(
        UUID groupId,
        @Nullable UUID actor,
        Action action,
        UUID targetId,
        Level level,
        int status,
        RequestOrigin auditOrigin)
        implements GroupEvent {

    @Override
    public AuditActor auditActor() {
        return AuditActor.accountOrSystem(actor);
    }

    @Override
    public String auditAction() {
        return "access.denied";
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(level.noun(), targetId);
    }

    @Override
    public AuditOutcome auditOutcome() {
        return AuditOutcome.DENIED;
    }
}
