package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * TLS handshake failures surging: more than {@code failures} handshakes failed on the server's port between two
 * evaluations ({@code selvedge.tls.handshakes.failed}, counted by the server's TLS engines).
 */
@Component("monitoring.tlsHandshakeFailures")
class TlsHandshakeFailures extends CounterSurge {

    static final String NAME = "tls-handshake-failures";
    static final String METER = "selvedge.tls.handshakes.failed";

    @ConfigurationProperties("selvedge.monitoring.detections.tls-handshake-failures")
    record Settings(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("50") int failures) {}

    private final Meters meters;

    TlsHandshakeFailures(Settings settings, Meters meters, Alerts alerts, Clock clock) {
        super(
                NAME,
                settings.enabled(),
                settings.failures(),
                "failed",
                "TLS handshakes failing in numbers",
                alerts,
                clock);
        this.meters = meters;
    }

    @Override
    double total() {
        return meters.sum(METER);
    }
}
