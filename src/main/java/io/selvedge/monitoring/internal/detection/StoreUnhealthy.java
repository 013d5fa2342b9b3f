package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.stereotype.Component;

/**
 * A store unhealthy: a health check among {@code contributors} (the databases of every store, their key stores,
 * Redis, the disk) answering DOWN or OUT_OF_SERVICE, one alert per check and day while it stays down.
 */
@Component("monitoring.storeUnhealthy")
class StoreUnhealthy extends Detection implements MetricDetection {

    static final String NAME = "store-unhealthy";
    private static final Duration WINDOW = Duration.ofDays(1);

    @ConfigurationProperties("selvedge.monitoring.detections.store-unhealthy")
    record Settings(
            @DefaultValue("true") boolean enabled,

            @DefaultValue({"stores", "keys", "db", "redis", "diskSpace"})
            List<String> contributors) {}

    private final Settings settings;
    private final HealthContributors health;
    private final Clock clock;

    StoreUnhealthy(Settings settings, HealthContributorRegistry health, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.health = health;
        this.clock = clock;
    }

    @Override
    public void evaluate() {
        for (HealthContributors.Entry entry : health) {
            if (settings.contributors().contains(entry.name())) {
                check(entry.name(), entry.contributor());
            }
        }
    }

    private void check(String path, HealthContributor contributor) {
        if (contributor instanceof CompositeHealthContributor composite) {
            for (HealthContributors.Entry entry : composite) {
                check(path + "/" + entry.name(), entry.contributor());
            }
        } else if (contributor instanceof HealthIndicator indicator) {
            Status status = indicator.health(false).getStatus();
            if (Status.DOWN.equals(status) || Status.OUT_OF_SERVICE.equals(status)) {
                long day = clock.millis() / WINDOW.toMillis();
                raise(
                        AlertSeverity.CRITICAL,
                        AlertCategory.OPERATIONS,
                        null,
                        path + ":" + Instant.ofEpochMilli(day * WINDOW.toMillis()),
                        "A health check is " + status.getCode(),
                        Map.of("check", path, "status", status.getCode()));
            }
        }
    }
}
