package io.selvedge.monitoring.internal.detection;

import io.selvedge.protection.Allowance;
import io.selvedge.protection.Buckets;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import lombok.RequiredArgsConstructor;

/**
 * Sliding-window counts for the event detections, kept in protection's {@link Buckets}: in this node's memory,
 * or in Redis for every node where the project shares its counts. A limit of N per window is a bucket of N
 * tokens refilled at N per window, so a burst of more than N, or a steady rate above it, empties it. Keys are
 * hashed (an address or account never stands in Redis as it is).
 */
@RequiredArgsConstructor
final class Windows {

    private final Buckets buckets;
    private final Clock clock;

    /** Counts one occurrence for {@code subject}: true once more than {@code limit} came within {@code window}. */
    boolean over(String detection, String subject, long limit, Duration window) {
        Allowance allowance = new Allowance("monitoring." + detection, limit, refill(window, limit));
        return !buckets.take(allowance, hashed(detection + "\n" + subject)).isZero();
    }

    /** Whether {@code pair} is seen for the first time within {@code window} (for counting distinct things). */
    boolean firstIn(String detection, String pair, Duration window) {
        Allowance allowance = new Allowance("monitoring." + detection + ".seen", 1, window);
        return buckets.take(allowance, hashed(detection + "\n" + pair)).isZero();
    }

    /** The start of the window {@code now} falls in: repeats within one window fold into one alert. */
    Instant windowStart(Duration window) {
        return Detection.windowStart(clock, window);
    }

    Clock clock() {
        return clock;
    }

    private static Duration refill(Duration window, long limit) {
        Duration every = window.dividedBy(limit);
        return every.isZero() ? Duration.ofMillis(1) : every;
    }

    static String hashed(String subject) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
