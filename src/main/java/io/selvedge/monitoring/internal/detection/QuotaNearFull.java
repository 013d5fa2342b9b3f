package io.selvedge.monitoring.internal.detection;

import io.selvedge.content.GroupUsage;
import io.selvedge.content.VersionUploaded;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * A group's storage quota near full: after an upload, its versions take more than {@code percent} of its quota
 * (content's usage). The usage is read at most once per group every {@code checkEvery}, so a burst of uploads
 * costs one query. Raised for the group, so its admins see it before uploads are refused.
 */
@Component("monitoring.quotaNearFull")
class QuotaNearFull extends Detection implements EventDetection {

    static final String NAME = "quota-near-full";

    @ConfigurationProperties("selvedge.monitoring.detections.quota-near-full")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("90") double percent,
            @DefaultValue("10m") Duration checkEvery) {}

    private final Settings settings;
    private final Windows windows;
    private final GroupUsage usage;

    QuotaNearFull(Settings settings, Windows windows, GroupUsage usage, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.windows = windows;
        this.usage = usage;
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof VersionUploaded uploaded)
                || !windows.firstIn(NAME, uploaded.groupId().toString(), settings.checkEvery())) {
            return;
        }
        GroupUsage.Usage used = usage.of(uploaded.groupId());
        if (used.quotaBytes() <= 0) {
            return;
        }
        double percent = 100.0 * used.usedBytes() / used.quotaBytes();
        if (percent > settings.percent()) {
            raise(
                    percent >= 100 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                    AlertCategory.OPERATIONS,
                    uploaded.groupId(),
                    uploaded.groupId() + (percent >= 100 ? ":full" : ""),
                    percent >= 100 ? "The group's storage quota is full" : "The group's storage quota is nearly full",
                    Map.of(
                            "used", String.format(Locale.ROOT, "%.1f%%", percent),
                            "quota bytes", Long.toString(used.quotaBytes())));
        }
    }
}
