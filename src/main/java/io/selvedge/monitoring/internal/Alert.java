package io.selvedge.monitoring.internal;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert as people see it: what a detection raised, how often, and where it stands in its life cycle.
 *
 * @param groupId the customer group concerned, null for the installation
 * @param signals how many signals it folded in
 */
record Alert(
        UUID id,
        @Nullable UUID groupId,
        String detection,
        AlertSeverity severity,
        AlertCategory category,
        String dedupKey,
        String summary,
        Map<String, String> details,
        long signals,
        Instant firstSeen,
        Instant lastSeen,
        AlertStatus status,
        @Nullable UUID acknowledgedBy,
        @Nullable Instant acknowledgedAt,
        @Nullable UUID resolvedBy,
        @Nullable Instant resolvedAt,
        @Nullable Instant escalatedAt) {

    Alert {
        details = Map.copyOf(details);
    }

    AlertChanged changed(AlertChanged.Change change, Instant at, @Nullable UUID by) {
        return new AlertChanged(
                id, change, detection, severity, category, groupId, dedupKey, summary, details, signals, at, by);
    }

    /** One step of an alert's timeline. */
    record Step(
            Instant at, Kind kind, long signals, @Nullable UUID by) {

        enum Kind {
            OPENED,
            REPEATED,
            ACKNOWLEDGED,
            RESOLVED,
            ESCALATED
        }
    }
}
