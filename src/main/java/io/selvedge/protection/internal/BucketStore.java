package io.selvedge.protection.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.selvedge.protection.Allowance;
import io.selvedge.protection.Buckets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Where the buckets live (the provider of {@link Buckets}): this node's memory ({@link LocalBucketStore}) or
 * Redis ({@link RedisBucketStore}). A store hands out the bucket of a key, creating it full; buckets it no
 * longer needs (full again) it may forget.
 */
abstract class BucketStore implements Buckets {

    /** The bucket of {@code key} under {@code allowance}, full when first seen. */
    abstract Bucket bucket(Allowance allowance, String key);

    @Override
    public Taken take(Allowance allowance, String key, long tokens) {
        ConsumptionProbe probe = bucket(allowance, key).tryConsumeAndReturnRemaining(tokens);
        return new Taken(
                probe.isConsumed(),
                probe.getRemainingTokens(),
                probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public Duration waitFor(Allowance allowance, String key) {
        EstimationProbe probe = bucket(allowance, key).estimateAbilityToConsume(1);
        return probe.canBeConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    @Override
    public void giveBack(Allowance allowance, String key) {
        bucket(allowance, key).addTokens(1);
    }

    @Override
    public void reset(Allowance allowance, String key) {
        bucket(allowance, key).reset();
    }

    static BucketConfiguration configuration(Allowance allowance) {
        return BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(allowance.capacity()).refillIntervally(1, allowance.refillEvery()))
                .build();
    }

    /** The application's clock as Bucket4j's, so that a test that moves time moves the refills too. */
    static TimeMeter timeMeter(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
