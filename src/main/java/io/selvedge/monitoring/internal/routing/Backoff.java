package io.selvedge.monitoring.internal.routing;

import java.time.Duration;

/** The wait before the next attempt of a delivery: the first wait, doubled after each failure, up to a cap. */
record Backoff(Duration first, Duration longest) {

    /** The wait after {@code failures} failed attempts (1 after the first). */
    Duration after(int failures) {
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(longest) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(longest) > 0 ? longest : wait;
    }
}
