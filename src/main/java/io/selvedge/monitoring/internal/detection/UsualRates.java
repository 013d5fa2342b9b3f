package io.selvedge.monitoring.internal.detection;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;

/**
 * Counts per subject in fixed windows, with each subject's usual count per window: an exponentially weighted
 * average of its past windows (a quiet window counts as zero), in this node's memory. Bounded: past
 * {@value #MOST_SUBJECTS} subjects the quietest are forgotten by starting over.
 */
@RequiredArgsConstructor
final class UsualRates {

    private static final int MOST_SUBJECTS = 50_000;
    private static final double WEIGHT = 0.2;
    private static final int LONGEST_GAP = 48;

    private final Duration window;
    private final Clock clock;
    private final Map<String, Usage> usages = new ConcurrentHashMap<>();

    record Reading(long count, double usual) {}

    private record Usage(long window, long count, double usual) {}

    /** Counts one for {@code subject}: its count in the current window, and its usual count before it. */
    Reading count(String subject) {
        return add(subject, 1);
    }

    /** Adds {@code amount} (bytes, say) for {@code subject}: its sum in the current window, and its usual sum. */
    Reading add(String subject, long amount) {
        long now = Math.floorDiv(clock.millis(), window.toMillis());
        if (usages.size() > MOST_SUBJECTS) {
            usages.clear();
        }
        Usage usage = usages.compute(subject, (key, old) -> {
            if (old == null) {
                return new Usage(now, amount, 0);
            }
            if (old.window() == now) {
                return new Usage(now, old.count() + amount, old.usual());
            }
            double usual = old.usual() * (1 - WEIGHT) + old.count() * WEIGHT;
            for (long gap = Math.min(now - old.window() - 1, LONGEST_GAP); gap > 0; gap--) {
                usual *= 1 - WEIGHT;
            }
            return new Usage(now, amount, usual);
        });
        return new Reading(usage.count(), usage.usual());
    }
}
