package io.selvedge.monitoring;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Someone took an alert one step on in its life (acknowledged or resolved it): on the group's trail for a group's
 * alert, else on the platform trail, under the step's action.
 */
public record AlertHandled(
        UUID alertId, Step step, @Nullable UUID auditGroupId, UUID by, RequestOrigin auditOrigin)
        implements AuditableEvent {

    /** A step of an alert's life that someone takes, with the action the trail stores for it. */
    @RequiredArgsConstructor
    public enum Step {
        ACKNOWLEDGED("alert.acknowledged"),
        RESOLVED("alert.resolved");

        private final String action;

        public String action() {
            return action;
        }
    }

    @Override
    public AuditActor auditActor() {
        return AuditActor.account(by);
    }

    @Override
    public String auditAction() {
        return step.action();
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of("alert", alertId);
    }
}
