package io.selvedge.monitoring.internal.detection;

import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.monitoring.Alerts;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A counter surging: more than a threshold counted between two evaluations raises a network warning, one an
 * hour. Subclasses say what they count.
 */
abstract class CounterSurge extends Detection implements MetricDetection {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final int threshold;
    private final String counted;
    private final String summary;
    private final Clock clock;
    private final Increase increase = new Increase();

    CounterSurge(
            String name, boolean enabled, int threshold, String counted, String summary, Alerts alerts, Clock clock) {
        super(name, enabled, alerts);
        this.threshold = threshold;
        this.counted = counted;
        this.summary = summary;
        this.clock = clock;
    }

    /** The counter's total now. */
    abstract double total();

    @Override
    public void evaluate() {
        double more = increase.of(total());
        if (more > threshold) {
            raise(
                    AlertSeverity.WARNING,
                    AlertCategory.NETWORK,
                    null,
                    windowStart(clock, WINDOW).toString(),
                    summary,
                    Map.of(counted, whole(more), "threshold", Integer.toString(threshold)));
        }
    }
}
