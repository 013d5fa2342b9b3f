package io.selvedge.protection.internal;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.selvedge.protection.Block;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blocks in Redis, seen alike by every node: one key per block, expiring (in Redis's time) a minute after the
 * block ends, and one counter of strikes per client, expiring after {@code remember}. The block's own end is
 * what counts; the expiry only keeps Redis clean.
 */
class RedisBlockStore implements BlockStore, AutoCloseable {

    private final String blockKeys;
    private final String strikeKeys;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    /** {@code namespace}: this installation's keys' start ({@link RedisNamespace}). */
    RedisBlockStore(String url, String namespace) {
        this.blockKeys = namespace + "block:";
        this.strikeKeys = namespace + "strikes:";
        this.client = RedisClient.create(url);
        this.client.setDefaultTimeout(Duration.ofSeconds(2));
        this.connection = client.connect();
    }

    private RedisCommands<String, String> redis() {
        return connection.sync();
    }

    @Override
    public Optional<Block> find(String id, Instant now) {
        return Optional.ofNullable(redis().get(blockKeys + id))
                .map(value -> parse(id, value))
                .filter(block -> block.until().isAfter(now));
    }

    @Override
    public void put(Block block, Instant now) {
        long ttl = Math.max(1, Duration.between(now, block.until()).toMillis()) + 60_000;
        redis().set(blockKeys + block.id(), format(block), SetArgs.Builder.px(ttl));
    }

    @Override
    public boolean remove(String id, Instant now) {
        boolean inForce = find(id, now).isPresent();
        redis().del(blockKeys + id);
        return inForce;
    }

    @Override
    public List<Block> all(Instant now) {
        List<Block> blocks = new ArrayList<>();
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
            KeyScanCursor<String> page = redis().scan(
                            cursor, ScanArgs.Builder.matches(blockKeys + "*").limit(500));
            for (String key : page.getKeys()) {
                find(key.substring(blockKeys.length()), now).ifPresent(blocks::add);
            }
            cursor = page;
        } while (!cursor.isFinished());
        return blocks;
    }

    @Override
    public int strike(String id, Instant now, Duration remember) {
        long count = redis().incr(strikeKeys + id);
        redis().pexpire(strikeKeys + id, remember.toMillis());
        return (int) Math.min(Integer.MAX_VALUE, count);
    }

    static String format(Block block) {
        return String.join(
                "|",
                block.kind().name(),
                Integer.toString(block.level()),
                Long.toString(block.since().toEpochMilli()),
                Long.toString(block.until().toEpochMilli()),
                block.subject(),
                block.reason());
    }

    static Block parse(String id, String value) {
        String[] parts = value.split("\\|", 6);
        return new Block(
                id,
                Block.Kind.valueOf(parts[0]),
                parts[4],
                Integer.parseInt(parts[1]),
                parts[5],
                Instant.ofEpochMilli(Long.parseLong(parts[2])),
                Instant.ofEpochMilli(Long.parseLong(parts[3])));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
