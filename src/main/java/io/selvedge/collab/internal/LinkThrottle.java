package io.selvedge.collab.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing a link's password as sign-in does: past {@value #FREE} free failures, each attempt
 * waits, twice as long after each further failure, up to {@link #LONGEST}; failures are forgotten after
 * {@link #FORGET_AFTER} or a success. Kept per link, in this node's memory.
 */
@Component
class LinkThrottle {

    static final int FREE = 5;
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Count(int failures, Instant last) {}

    private final Map<UUID, Count> counts = new ConcurrentHashMap<>();
    private final Clock clock;

    LinkThrottle(Clock clock) {
        this.clock = clock;
    }

    Duration waitBefore(UUID linkId) {
        Instant now = clock.instant();
        Count count = counts.get(linkId);
        if (count == null
                || count.failures() < FREE
                || count.last().plus(FORGET_AFTER).isBefore(now)) {
            return Duration.ZERO;
        }
        Instant until = count.last().plus(delayAfter(count.failures() - FREE));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    void failed(UUID linkId) {
        Instant now = clock.instant();
        counts.compute(
                linkId,
                (id, count) -> count == null || count.last().plus(FORGET_AFTER).isBefore(now)
                        ? new Count(1, now)
                        : new Count(count.failures() + 1, now));
        if (counts.size() > 100_000) {
            counts.entrySet()
                    .removeIf(
                            entry -> entry.getValue().last().plus(FORGET_AFTER).isBefore(now));
        }
    }

    void succeeded(UUID linkId) {
        counts.remove(linkId);
    }

    static Duration delayAfter(int doublings) {
        Duration delay = FIRST;
        for (int i = 0; i < doublings && delay.compareTo(LONGEST) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST) < 0 ? delay : LONGEST;
    }
}
