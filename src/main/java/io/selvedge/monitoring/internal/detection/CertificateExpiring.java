package io.selvedge.monitoring.internal.detection;

import io.micrometer.core.instrument.Meter;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * A certificate expiring within {@code within} (21 days): Spring Boot's {@code ssl.chain.expiry} gauge (seconds
 * left) of every SSL bundle's chains, the server's own included. Critical within {@code critical}.
 */
@Component("monitoring.certificateExpiring")
class CertificateExpiring extends Detection implements MetricDetection {

    static final String NAME = "certificate-expiring";
    static final String METER = "ssl.chain.expiry";

    @ConfigurationProperties("selvedge.monitoring.detections.certificate-expiring")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("21d") Duration within,
            @DefaultValue("3d") Duration critical) {}

    private final Settings settings;
    private final Meters meters;

    CertificateExpiring(Settings settings, Meters meters, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
        this.settings = settings;
        this.meters = meters;
    }

    @Override
    public void evaluate() {
        for (Meter chain : meters.all(METER)) {
            double secondsLeft = Meters.valueOf(chain);
            if (Double.isNaN(secondsLeft) || secondsLeft > settings.within().toSeconds()) {
                continue;
            }
            String bundle = Objects.requireNonNullElse(chain.getId().getTag("bundle"), "");
            String certificate = Objects.requireNonNullElse(chain.getId().getTag("certificate"), "");
            boolean critical = secondsLeft <= settings.critical().toSeconds();
            raise(
                    critical ? AlertSeverity.CRITICAL : AlertSeverity.WARNING,
                    AlertCategory.OPERATIONS,
                    null,
                    bundle + ":" + certificate + (critical ? ":critical" : ""),
                    secondsLeft <= 0 ? "A certificate has expired" : "A certificate expires soon",
                    Map.of(
                            "bundle", bundle,
                            "certificate", certificate,
                            "days left", Long.toString(Math.floorDiv((long) secondsLeft, 86_400L))));
        }
    }
}
