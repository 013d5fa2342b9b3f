package io.selvedge.monitoring.internal.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theWaitDoublesFromThirtySecondsAndStopsAtAnHour() {
        Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));
        assertThat(IntStream.rangeClosed(1, 10).mapToObj(backoff::after).map(Duration::toSeconds))
                .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3600L, 3600L, 3600L);
        assertThat(backoff.after(10_000)).isEqualTo(Duration.ofHours(1));
    }
}
