package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * Key rotation failing: a re-encryption job (rewriting a group's data under its new key after a rotation) stopped
 * on a failure since the last evaluation ({@code selvedge.crypto.reencryption.failed}, crypto's counter). One
 * alert a day while it keeps failing. Rotating a key-encryption key is an operator's command, which reports its
 * own failure.
 */
@Component("monitoring.keyRotationFailing")
class KeyRotationFailing extends Detection implements MetricDetection {

    static final String NAME = "key-rotation-failing";
    static final String METER = "selvedge.crypto.reencryption.failed";

    @ConfigurationProperties("selvedge.monitoring.detections.key-rotation-failing")
    record Settings(@DefaultValue("true") boolean enabled) {}

    private final Meters meters;
    private final Clock clock;
    private final Increase failed = new Increase();

    KeyRotationFailing(Settings settings, Meters meters, Alerts alerts, Clock clock) {
        super(NAME, settings.enabled(), alerts);
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    public void evaluate() {
        double stopped = failed.of(meters.sum(METER));
        if (stopped > 0) {
            raise(
                    AlertSeverity.CRITICAL,
                    AlertCategory.OPERATIONS,
                    null,
                    day(clock),
                    "A re-encryption job stopped on a failure",
                    Map.of("jobs stopped", whole(stopped)));
        }
    }
}
