package io.selvedge.protection.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.selvedge.protection.Allowance;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Buckets in this node's memory: Bucket4j's lock-free local buckets, one per allowance and key. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public final class LocalBucketStore extends BucketStore {

    /** Past this many buckets, the full ones (which hold nothing worth keeping) are dropped. */
    static final int MOST_BUCKETS = 200_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final TimeMeter time;

    /** Behind {@link io.selvedge.protection.Buckets#inMemory}: the one way in from outside this package. */
    public static LocalBucketStore on(java.time.Clock clock) {
        return new LocalBucketStore(timeMeter(clock));
    }

    @Override
    Bucket bucket(Allowance allowance, String key) {
        if (buckets.size() > MOST_BUCKETS) {
            buckets.values().removeIf(bucket -> bucket.getAvailableTokens() >= capacityOf(bucket));
        }
        return buckets.computeIfAbsent(
                allowance.name() + ":" + allowance.capacity() + ":" + allowance.refillEvery() + ":" + key,
                ignored -> Bucket.builder()
                        .addLimit(configuration(allowance).getBandwidths()[0])
                        .withCustomTimePrecision(time)
                        .build());
    }

    private static long capacityOf(Bucket bucket) {
        return ((io.github.bucket4j.local.LocalBucket) bucket)
                .getConfiguration()
                .getBandwidths()[0]
                .getCapacity();
    }

    int size() {
        return buckets.size();
    }
}
