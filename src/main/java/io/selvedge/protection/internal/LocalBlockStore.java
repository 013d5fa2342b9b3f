package io.selvedge.protection.internal;

import io.selvedge.protection.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Blocks in this node's memory. */
class LocalBlockStore implements BlockStore {

    private final Map<String, Block> blocks = new ConcurrentHashMap<>();
    private final Map<String, Strikes> strikes = new ConcurrentHashMap<>();

    private record Strikes(int count, Instant forgetAt) {}

    @Override
    public Optional<Block> find(String id, Instant now) {
        Block block = blocks.get(id);
        if (block != null && !block.until().isAfter(now)) {
            blocks.remove(id, block);
            return Optional.empty();
        }
        return Optional.ofNullable(block);
    }

    @Override
    public void put(Block block, Instant now) {
        blocks.values().removeIf(old -> !old.until().isAfter(now));
        blocks.put(block.id(), block);
    }

    @Override
    public boolean remove(String id, Instant now) {
        Block removed = blocks.remove(id);
        return removed != null && removed.until().isAfter(now);
    }

    @Override
    public List<Block> all(Instant now) {
        return blocks.values().stream()
                .filter(block -> block.until().isAfter(now))
                .toList();
    }

    @Override
    public int strike(String id, Instant now, Duration remember) {
        strikes.values().removeIf(old -> !old.forgetAt().isAfter(now));
        return strikes.merge(
                        id,
                        new Strikes(1, now.plus(remember)),
                        (old, fresh) ->
                                old.forgetAt().isAfter(now) ? new Strikes(old.count() + 1, fresh.forgetAt()) : fresh)
                .count();
    }
}
