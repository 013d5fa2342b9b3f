package io.selvedge.monitoring.internal.detection;

import io.selvedge.crypto.TamperDetected;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.AuditableEvent;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/** Tamper detected: a stored ciphertext failed authentication (crypto publishes the event on each failed read). */
@Component("monitoring.auditTamper")
class AuditTamper extends Detection implements EventDetection {

    static final String NAME = "tamper-detected";

    @ConfigurationProperties("selvedge.monitoring.detections.tamper-detected")
    record Settings(@DefaultValue("true") boolean enabled) {}

    AuditTamper(Settings settings, Alerts alerts) {
        super(NAME, settings.enabled(), alerts);
    }

    @Override
    public void on(AuditableEvent event) {
        if (!(event instanceof TamperDetected tamper)) {
            return;
        }
        // every read of the same altered field repeats the event: one alert per field or file
        raise(
                AlertSeverity.CRITICAL,
                AlertCategory.SECURITY,
                tamper.groupId(),
                tamper.what() + ":" + tamper.id(),
                "Stored data failed its integrity check",
                Map.of("what", tamper.what(), "id", tamper.id()));
    }
}
