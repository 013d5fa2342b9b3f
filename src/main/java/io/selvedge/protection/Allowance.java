package io.selvedge.protection;

import java.time.Duration;

/**
 * A kind of bucket: {@code capacity} tokens, one more every {@code refillEvery} (whole tokens, at their time),
 * never more than the capacity. {@code name} keeps the buckets of different allowances apart and names them
 * in metrics; the same key under two allowances means two buckets.
 */
public record Allowance(String name, long capacity, Duration refillEvery) {

    public Allowance {
        if (name.isBlank() || capacity < 1 || refillEvery.isNegative() || refillEvery.isZero()) {
            throw new IllegalArgumentException("an allowance needs a name, a capacity of at least 1 and a refill");
        }
    }
}
