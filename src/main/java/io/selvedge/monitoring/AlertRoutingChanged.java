package io.selvedge.monitoring;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * Someone changed where alerts go: staff the installation's teams, channels or rules (on the platform trail), or
 * a group's admin the group's security contacts (on the group's trail). Names what changed, never a channel's
 * target or secret.
 *
 * @param subjectId the team, channel or rule changed; the group, for its contacts
 * @param auditGroupId the group whose contacts changed, or null for the installation's routing
 */
public record AlertRoutingChanged(
        Change change, UUID subjectId, @Nullable UUID auditGroupId, UUID by, RequestOrigin auditOrigin)
        implements AuditableEvent {

    /** What changed, with the action the trail stores for it and the kind of its target. */
    @RequiredArgsConstructor
    public enum Change {
        TEAM_ADDED("alert-team.added", "alert-team"),
        TEAM_RENAMED("alert-team.renamed", "alert-team"),
        TEAM_REMOVED("alert-team.removed", "alert-team"),
        CHANNEL_ADDED("alert-channel.added", "alert-channel"),
        CHANNEL_CHANGED("alert-channel.changed", "alert-channel"),
        CHANNEL_REMOVED("alert-channel.removed", "alert-channel"),
        RULE_ADDED("alert-rule.added", "alert-rule"),
        RULE_CHANGED("alert-rule.changed", "alert-rule"),
        RULE_REMOVED("alert-rule.removed", "alert-rule"),
        CONTACTS_CHANGED("alert-contacts.changed", "group");

        private final String action;
        private final String target;

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
        return change.action();
    }

    @Override
    public AuditTarget auditTarget() {
        return AuditTarget.of(change.target, subjectId);
    }
}
