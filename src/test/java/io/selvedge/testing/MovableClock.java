package io.selvedge.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A clock that starts at the real time and moves only when a test moves it. */
public final class MovableClock extends Clock {

    // Whole milliseconds: every store keeps at least those, so stored instants compare exactly.
    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("The application's clock is UTC");
    }
}
