package io.selvedge.monitoring.internal.detection;

import io.selvedge.access.AccessDenied;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Enumeration: a burst of 404s on ids of a group's things (access refused them as not visible) from one caller,
 * raised for that group. 404s on ids that exist nowhere have no event: protection counts those into automatic
 * blocks ({@link AutomaticBlocks}).
 */
@Component("monitoring.idEnumeration")
class IdEnumeration extends Detection implements EventDetection {

    static final String NAME = "id-enumeration";

    @ConfigurationProperties("selvedge.monitoring.detections.id-enumeration")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("30") int refusals,
            @DefaultValue("5m") Duration window) {}

    private final Settings settings;
    private final Windows windows;

    IdEnumeration(Settings settings, Windows windows, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.windows = windows;
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof AccessDenied denied) || denied.status() != 404) {
            return;
        }
        String caller = denied.actor() != null
                ? "account " + denied.actor()
                : "address " + denied.auditOrigin().address();
        String subject = denied.groupId() + "\n" + caller;
        if (windows.over(NAME, subject, settings.refusals(), settings.window())) {
            raise(
                    AlertSeverity.WARNING,
                    AlertCategory.SECURITY,
                    denied.groupId(),
                    denied.groupId() + ":" + caller + ":" + windows.windowStart(settings.window()),
                    "A burst of requests for ids the caller may not see",
                    overLimit("caller", caller, "refusals", settings.refusals(), settings.window()));
        }
    }
}
