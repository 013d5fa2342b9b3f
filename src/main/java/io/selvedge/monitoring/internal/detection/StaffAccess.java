package io.selvedge.monitoring.internal.detection;

import io.selvedge.access.AccessRequestChanged;
import io.selvedge.access.BreakGlassAccountsChanged;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Access to a group other than by its members' roles, for the group's admins. Today that is the group's
 * break-glass accounts being named anew (access's event), and platform staff's access requests (the lockbox):
 * one made, approved or revoked is an alert of the group's (once, from the group trail's copy of the event).
 */
@Component("monitoring.staffAccess")
class StaffAccess extends Detection implements EventDetection {

    static final String NAME = "staff-access";

    @ConfigurationProperties("selvedge.monitoring.detections.staff-access")
    record Settings(@DefaultValue("true") boolean enabled) {}

    StaffAccess(Settings settings, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
    }

    @Override
    public void on(AuditableEvent event) {
        if (event instanceof BreakGlassAccountsChanged changed) {
            // one open alert per group: changes while it is open fold into it (each request its own alert did not)
            raise(
                    AlertSeverity.INFO,
                    AlertCategory.SECURITY,
                    changed.groupId(),
                    changed.groupId() + ":break-glass",
                    "The group's break-glass accounts were changed",
                    Map.of(
                            "by",
                            String.valueOf(changed.auditActor().id()),
                            "accounts",
                            Integer.toString(changed.count())));
        } else if (event instanceof AccessRequestChanged changed
                && changed.trailGroupId() != null
                && changed.change().equals("break-glass-opened")) {
            raise(
                    AlertSeverity.CRITICAL,
                    AlertCategory.SECURITY,
                    changed.groupId(),
                    changed.groupId() + ":break-glass-access:" + changed.requestId(),
                    "Two platform admins opened emergency (break-glass) access to the group",
                    Map.of(
                            "request",
                            changed.requestId().toString(),
                            "approvedBy",
                            String.valueOf(changed.auditActor().id())));
        } else if (event instanceof AccessRequestChanged changed
                && changed.trailGroupId() != null
                && List.of("requested", "approved", "revoked").contains(changed.change())) {
            raise(
                    AlertSeverity.INFO,
                    AlertCategory.SECURITY,
                    changed.groupId(),
                    changed.groupId() + ":access-request:" + changed.requestId() + ":" + changed.change(),
                    "Platform staff's access request was " + changed.change(),
                    Map.of(
                            "request",
                            changed.requestId().toString(),
                            "by",
                            String.valueOf(changed.auditActor().id())));
        }
    }
}
