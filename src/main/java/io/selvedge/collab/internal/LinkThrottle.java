package io.selvedge.collab.internal;

import io.selvedge.protection.Allowance;
import io.selvedge.protection.Buckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing a link's password as sign-in does: past {@value #FREE} free failures, each attempt
 * waits, twice as long after each further failure, up to {@link #LONGEST}; failures are forgotten after
 * {@link #FORGET_AFTER} or a success. The escalation is counted per link in this node's memory; every guess
 * also takes a token atomically from the link's buckets, shared by every node ({@link Buckets}): {@value #FREE}
 * per link, one more each {@link #FIRST}, and past the free failures the single token of a second bucket, so
 * a burst of parallel guesses gets at most one checked.
 */
@Component
@RequiredArgsConstructor
class LinkThrottle {

    static final int FREE = 5;
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration LONGEST = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private record Count(int failures, Instant last) {}

    private final Map<UUID, Count> counts = new ConcurrentHashMap<>();
    static final Allowance GUESSES = new Allowance("link-password", FREE, FIRST);
    static final Allowance PAST_FREE = new Allowance("link-password.past-free", 1, FIRST);

    private final Clock clock;
    private final Buckets buckets;

    /** Takes one guess at the link's password: zero when it may be checked, else how long to wait. */
    Duration take(UUID linkId) {
        Duration wait = waitBefore(linkId);
        if (!wait.isZero()) {
            return wait;
        }
        wait = buckets.take(GUESSES, linkId.toString());
        Count count = counts.get(linkId);
        if (wait.isZero() && count != null && count.failures() >= FREE) {
            wait = buckets.take(PAST_FREE, linkId.toString());
        }
        return wait;
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
        buckets.reset(GUESSES, linkId.toString());
        buckets.reset(PAST_FREE, linkId.toString());
    }

    static Duration delayAfter(int doublings) {
        Duration delay = FIRST;
        for (int i = 0; i < doublings && delay.compareTo(LONGEST) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(LONGEST) < 0 ? delay : LONGEST;
    }
}
