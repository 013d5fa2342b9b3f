package io.selvedge.monitoring.internal;

import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.platform.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The life cycle of an alert, without its storage: which signal is acceptable, which alert a repeat folds
 * into, which change is allowed from which status, and when a critical alert escalates.
 */
final class AlertRules {

    static final int MAX_DEDUP_KEY = 500;
    static final int MAX_SUMMARY = 500;
    static final int MAX_DETAILS = 50;
    static final int MAX_DETAIL = 1000;
    private static final Pattern DETECTION = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private AlertRules() {}

    /**
     * @throws IllegalArgumentException for a signal that cannot be stored: a detection that cannot name a
     *     runbook page, an empty or overlong key or summary, too many or too long details
     */
    static AlertSignal checked(AlertSignal signal) {
        if (!DETECTION.matcher(signal.detection()).matches()) {
            throw new IllegalArgumentException("A detection is named by 1 to 100 of a-z, 0-9 and '-'");
        }
        if (signal.dedupKey().isBlank() || signal.dedupKey().length() > MAX_DEDUP_KEY) {
            throw new IllegalArgumentException("A dedup key is 1 to " + MAX_DEDUP_KEY + " characters");
        }
        if (signal.summary().isBlank() || signal.summary().length() > MAX_SUMMARY) {
            throw new IllegalArgumentException("A summary is 1 to " + MAX_SUMMARY + " characters");
        }
        if (signal.details().size() > MAX_DETAILS) {
            throw new IllegalArgumentException("At most " + MAX_DETAILS + " details");
        }
        for (Map.Entry<String, String> detail : signal.details().entrySet()) {
            if (detail.getKey().length() > 100 || detail.getValue().length() > MAX_DETAIL) {
                throw new IllegalArgumentException(
                        "A detail is a name of at most 100 characters and a value of " + "at most " + MAX_DETAIL);
            }
        }
        return signal;
    }

    /** Whether a repeat of the alert's key folds into it (else it opens a new alert). */
    static boolean foldsRepeats(AlertStatus status) {
        return status != AlertStatus.RESOLVED;
    }

    /**
     * Whether acknowledging changes the alert: an open one becomes acknowledged, an acknowledged one stays.
     *
     * @throws Refusal.Conflict for a resolved alert
     */
    static boolean acknowledges(AlertStatus status) {
        return switch (status) {
            case OPEN -> true;
            case ACKNOWLEDGED -> false;
            case RESOLVED -> throw new Refusal.Conflict("The alert is resolved already.");
        };
    }

    /** Whether resolving changes the alert: an open or acknowledged one becomes resolved, a resolved one stays. */
    static boolean resolves(AlertStatus status) {
        return status != AlertStatus.RESOLVED;
    }

    /**
     * Whether the alert escalates now: critical, still open (nobody acknowledged it) for the time allowed
     * since it opened, and not escalated before (it escalates once).
     */
    static boolean escalates(
            AlertSeverity severity,
            AlertStatus status,
            Instant firstSeen,
            @Nullable Instant escalatedAt,
            Instant now,
            Duration allowed) {
        return severity == AlertSeverity.CRITICAL
                && status == AlertStatus.OPEN
                && escalatedAt == null
                && !now.isBefore(firstSeen.plus(allowed));
    }
}
