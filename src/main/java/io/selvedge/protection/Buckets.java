package io.selvedge.protection;

import java.time.Duration;

/**
 * Token buckets for limits and failure counters, each taken and checked in one atomic step: N parallel
 * attempts cost N tokens, whatever the timing. Held in this node's memory, or in Redis for every node when
 * {@code SELVEDGE_REDIS_URL} is set (Bucket4j's compare-and-swap over Lettuce). Keys are the caller's: never
 * a secret; a client address or username should be a keyed hash where it is kept (Redis).
 */
public interface Buckets {

    /** Takes a token of {@code key}'s bucket: {@link Duration#ZERO} when taken, else how long until one is free. */
    default Duration take(Allowance allowance, String key) {
        return take(allowance, key, 1).retryAfter();
    }

    /** Takes {@code tokens} at once, or none; the answer tells how many are left or how long to wait. */
    Taken take(Allowance allowance, String key, long tokens);

    /** How long until a token of {@code key}'s bucket is free, taking none: {@link Duration#ZERO} when one is. */
    Duration waitFor(Allowance allowance, String key);

    /** Gives a token back (an attempt that turned out not to count), never above the capacity. */
    void giveBack(Allowance allowance, String key);

    /** Fills the bucket again, as if it had never been used. */
    void reset(Allowance allowance, String key);

    /** Buckets in this node's memory on the given clock, as a node without Redis keeps them (and unit tests). */
    static Buckets inMemory(java.time.Clock clock) {
        return io.selvedge.protection.internal.LocalBucketStore.on(clock);
    }

    /** The answer of {@link #take(Allowance, String, long)}: the tokens left, or the wait when none was taken. */
    record Taken(boolean taken, long remaining, Duration retryAfter) {}
}
