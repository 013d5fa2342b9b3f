package io.selvedge.protection.internal;

import io.selvedge.protection.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where blocks and their strikes are kept: this node's memory ({@link LocalBlockStore}) or Redis, seen by every
 * node ({@link RedisBlockStore}). A block past its {@code until} is gone, whatever the store still holds; so is
 * a strike count older than its {@code remember}. Times are the application clock's, so tests can move them.
 */
interface BlockStore {

    /** The block under {@code id} if it lasts beyond {@code now}. */
    Optional<Block> find(String id, Instant now);

    /** Puts (or replaces) a block. */
    void put(Block block, Instant now);

    /** Removes the block; false if none lasted beyond {@code now}. */
    boolean remove(String id, Instant now);

    /** The blocks lasting beyond {@code now}. */
    List<Block> all(Instant now);

    /** Counts one more strike of {@code id} and answers the count, strikes older than {@code remember} forgotten. */
    int strike(String id, Instant now, Duration remember);
}
