package io.selvedge.monitoring.internal.routing;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.internal.AlertChanged;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Named alert changes for the routing tests. */
final class Alerts {

    private Alerts() {}

    static AlertChanged anAlert(AlertCategory category, AlertSeverity severity, @Nullable UUID groupId) {
        return new AlertChanged(
                UUID.randomUUID(),
                AlertChanged.Change.OPENED,
                "password-spraying",
                severity,
                category,
                groupId,
                "password-spraying:203.0.113.7",
                "Many accounts failing from 203.0.113.7",
                Map.of("address", "203.0.113.7", "accounts", "40"),
                3,
                Instant.parse("2026-12-06T12:00:00Z"),
                null);
    }

    static AlertChanged changed(AlertChanged alert, AlertChanged.Change change) {
        return new AlertChanged(
                alert.alertId(),
                change,
                alert.detection(),
                alert.severity(),
                alert.category(),
                alert.groupId(),
                alert.dedupKey(),
                alert.summary(),
                alert.details(),
                alert.count(),
                alert.at().plusSeconds(60),
                alert.by());
    }
}
