package io.selvedge.monitoring.internal.detection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;

/** Reads of Micrometer's meters for the metric detections: sums over a name's meters that match a filter. */
@RequiredArgsConstructor
final class Meters {

    private final MeterRegistry registry;

    /** The sum of the counts (counters, timers) or values (gauges) of the meters named so that match. */
    double sum(String name, Predicate<Meter> matching) {
        double sum = 0;
        for (Meter meter : registry.find(name).meters()) {
            if (matching.test(meter)) {
                double value = valueOf(meter);
                if (!Double.isNaN(value)) {
                    sum += value;
                }
            }
        }
        return sum;
    }

    double sum(String name) {
        return sum(name, meter -> true);
    }

    /** The total time in milliseconds of the timers named so that match. */
    double totalMillis(String name, Predicate<Meter> matching) {
        double sum = 0;
        for (Meter meter : registry.find(name).meters()) {
            if (meter instanceof Timer timer && matching.test(meter)) {
                sum += timer.totalTime(TimeUnit.MILLISECONDS);
            }
        }
        return sum;
    }

    Iterable<Meter> all(String name) {
        return registry.find(name).meters();
    }

    static double valueOf(Meter meter) {
        if (meter instanceof Counter counter) {
            return counter.count();
        }
        if (meter instanceof FunctionCounter counter) {
            return counter.count();
        }
        if (meter instanceof Timer timer) {
            return timer.count();
        }
        if (meter instanceof TimeGauge gauge) {
            return gauge.value(TimeUnit.SECONDS);
        }
        if (meter instanceof Gauge gauge) {
            return gauge.value();
        }
        return Double.NaN;
    }

    static boolean tagged(Meter meter, String key, String value) {
        return value.equals(meter.getId().getTag(key));
    }
}
