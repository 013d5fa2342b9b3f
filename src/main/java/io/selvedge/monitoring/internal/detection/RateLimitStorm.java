package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * A rate-limit storm: more than {@code answers} requests refused by protection's rate limits
 * ({@code selvedge.rate.limited}) or by its connection limits ({@code selvedge.connections.refused}) between two
 * evaluations. Automatic blocks are {@link AutomaticBlocks}.
 */
@Component("monitoring.rateLimitStorm")
class RateLimitStorm extends CounterSurge {

    static final String NAME = "rate-limit-storm";

    @ConfigurationProperties("selvedge.monitoring.detections.rate-limit-storm")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500") int answers) {}

    private final Meters meters;

    RateLimitStorm(Settings settings, Meters meters, Alerts alerts, Clock clock) {
        super(
                NAME,
                settings.enabled(),
                settings.answers(),
                "refused",
                "Many requests refused by rate or connection limits",
                alerts,
                clock);
        this.meters = meters;
    }

    @Override
    double total() {
        return meters.sum("selvedge.rate.limited") + meters.sum("selvedge.connections.refused");
    }
}
