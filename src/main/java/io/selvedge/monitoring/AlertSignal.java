package io.selvedge.monitoring;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a detection saw. Signals with the same {@code dedupKey} fold into one open alert with a count, so a
 * detection that fires again for the same attack adds to the alert instead of paging again.
 *
 * @param detection the rule that fired, e.g. {@code password-spraying}; names its runbook page
 * @param groupId the customer group concerned, or null for the installation; a group's alert is kept in its region
 * @param summary one line for people, without customer content, passwords or tokens
 * @param details facts for the timeline (addresses, counts, thresholds), never customer content
 */
public record AlertSignal(
        String detection,
        AlertSeverity severity,
        AlertCategory category,
        @Nullable UUID groupId,
        String dedupKey,
        String summary,
        Map<String, String> details) {

    public AlertSignal {
        details = Map.copyOf(details);
    }
}
