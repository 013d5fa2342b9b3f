package io.selvedge.protection.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slots in Redis, seen alike by every node: a key's slots are a sorted set of holders scored by when their lease
 * ends (Redis's own time), taken by a script that drops ended leases, counts and adds in one step. A node renews
 * the leases of its running transfers every third of {@code lease}; a node that dies holds its slots no longer
 * than one lease.
 */
final class RedisSlotStore implements SlotStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisSlotStore.class);

    private static final String NOW = "local t = redis.call('TIME') local now = t[1] * 1000 + math.floor(t[2] / 1000) ";

    /** KEYS[1] the slots; ARGV: the most, the lease in ms, the holder. 1 when taken. */
    private static final String TAKE = NOW
            + "redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now) "
            + "if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 0 end "
            + "redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[3]) "
            + "redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2])) return 1";

    /** KEYS[1] the slots; ARGV: the lease in ms, the holder. Only a holder still there is renewed. */
    private static final String RENEW = NOW
            + "if redis.call('ZADD', KEYS[1], 'XX', 'CH', now + tonumber(ARGV[1]), ARGV[2]) == 1 then "
            + "redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1])) end return 1";

    private final String prefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;
    private final long leaseMillis;
    private final Map<Slot, Boolean> running = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewals;

    /** {@code namespace}: this installation's keys' start ({@link RedisNamespace}). */
    RedisSlotStore(String url, String namespace, Duration lease) {
        this.prefix = namespace + "slots:";
        this.client = RedisClient.create(url);
        this.client.setDefaultTimeout(Duration.ofSeconds(2));
        this.connection = client.connect();
        this.leaseMillis = lease.toMillis();
        this.renewals = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "transfer-slot-leases");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, leaseMillis / 3);
        renewals.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public @Nullable Slot take(String key, int most) {
        Slot slot = new Slot(prefix + key, UUID.randomUUID().toString());
        Long taken = connection
                .sync()
                .eval(
                        TAKE,
                        ScriptOutputType.INTEGER,
                        new String[] {slot.key()},
                        Integer.toString(most),
                        Long.toString(leaseMillis),
                        slot.holder());
        if (taken == null || taken != 1L) {
            return null;
        }
        running.put(slot, Boolean.TRUE);
        return slot;
    }

    @Override
    public void giveBack(Slot slot) {
        if (running.remove(slot) != null) {
            connection.sync().zrem(slot.key(), slot.holder());
        }
    }

    private void renew() {
        for (Slot slot : running.keySet()) {
            try {
                connection
                        .sync()
                        .eval(
                                RENEW,
                                ScriptOutputType.INTEGER,
                                new String[] {slot.key()},
                                Long.toString(leaseMillis),
                                slot.holder());
            } catch (RuntimeException e) { // Redis away for a moment: the next round renews it
                log.warn("Could not renew a transfer slot's lease in Redis: {}", e.toString());
            }
        }
    }

    @Override
    public synchronized void close() {
        if (renewals.isShutdown()) {
            return;
        }
        renewals.shutdownNow();
        connection.close();
        client.shutdown();
    }
}
