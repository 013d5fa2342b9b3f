package io.selvedge.monitoring.internal.detection;

import io.micrometer.core.instrument.Meter;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Disk near full: a volume Spring Boot measures ({@code disk.free}, {@code disk.total} by {@code path}) with less
 * than {@code freePercent} of it free; critical below half of that.
 */
@Component("monitoring.diskNearFull")
class DiskNearFull extends Detection implements MetricDetection {

    static final String NAME = "disk-near-full";

    @ConfigurationProperties("selvedge.monitoring.detections.disk-near-full")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") double freePercent) {}

    private final Settings settings;
    private final Meters meters;
    private final Clock clock;

    DiskNearFull(Settings settings, Meters meters, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void evaluate() {
        for (Meter free : meters.all("disk.free")) {
            String path = Objects.requireNonNullElse(free.getId().getTag("path"), "");
            double total = meters.sum("disk.total", meter -> Meters.tagged(meter, "path", path));
            double percent = total > 0 ? 100 * Meters.valueOf(free) / total : 100;
            if (percent < settings.freePercent()) {
                AlertSeverity severity =
                        percent < settings.freePercent() / 2 ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
                raise(
                        severity,
                        AlertCategory.OPERATIONS,
                        null,
                        path + ":" + severity + ":" + day(clock),
                        "A disk is nearly full",
                        Map.of("path", path, "free", String.format(java.util.Locale.ROOT, "%.1f%%", percent)));
            }
        }
    }
}
