package io.selvedge.monitoring.internal;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An alert opened, acknowledged, resolved or escalated: what routing sends to the teams' channels. Published
 * inside the transaction that changed the alert (through the event publication registry), so it is delivered
 * at least once if and only if the change committed. A repeat folded into an open alert is not a change
 * routing sends.
 *
 * @param count how many signals the alert has folded in so far
 * @param by the account that acknowledged or resolved it, null when the system changed it
 */
public record AlertChanged(
        UUID alertId,
        Change change,
        String detection,
        AlertSeverity severity,
        AlertCategory category,
        @Nullable UUID groupId,
        String dedupKey,
        String summary,
        Map<String, String> details,
        long count,
        Instant at,
        @Nullable UUID by) {

    public AlertChanged {
        details = Map.copyOf(details);
    }

    public enum Change {
        OPENED,
        ACKNOWLEDGED,
        RESOLVED,
        ESCALATED
    }
}
