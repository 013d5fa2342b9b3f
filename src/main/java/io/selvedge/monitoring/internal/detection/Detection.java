package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;

/**
 * What every detection shares: its name (settings {@code selvedge.monitoring.detections.<name>.*} and runbook
 * page), its switch, and how it raises a signal whose key starts with the name.
 */
@RequiredArgsConstructor
abstract class Detection {

    private final String name;
    private final boolean enabled;
    private final Alerts alerts;

    public final String name() {
        return name;
    }

    public final boolean enabled() {
        return enabled;
    }

    /** Raises this rule's signal; its key is the rule's name, a colon, then {@code key}. */
    final void raise(
            AlertSeverity severity,
            AlertCategory category,
            @Nullable UUID group,
            String key,
            String summary,
            Map<String, String> details) {
        raiseAs(name, severity, category, group, key, summary, details);
    }

    /** Raises a signal under another detection's name (a rule that raises several): its key starts with that. */
    final void raiseAs(
            String detection,
            AlertSeverity severity,
            AlertCategory category,
            @Nullable UUID group,
            String key,
            String summary,
            Map<String, String> details) {
        alerts.raise(new AlertSignal(detection, severity, category, group, detection + ":" + key, summary, details));
    }

    /** The details of a count over its limit within a window: who, how many, and the window. */
    static Map<String, String> overLimit(String who, String subject, String counted, long limit, Duration window) {
        return Map.of(who, subject, counted, "more than " + limit, "window", window.toString());
    }

    /** The start of the window {@code clock}'s now falls in: repeats within one window fold into one alert. */
    static Instant windowStart(Clock clock, Duration window) {
        long length = window.toMillis();
        return Instant.ofEpochMilli(Math.floorDiv(clock.millis(), length) * length);
    }

    /** The day {@code clock}'s now falls in (UTC, ISO): one alert a day. */
    static String day(Clock clock) {
        return day(clock.instant());
    }

    static String day(Instant now) {
        return now.toString().substring(0, 10);
    }

    static String whole(double value) {
        return Long.toString(Math.round(value));
    }
}
