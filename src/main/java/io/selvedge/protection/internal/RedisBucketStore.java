package io.selvedge.protection.internal;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.selvedge.protection.Allowance;
import java.time.Duration;

/**
 * Buckets in Redis, seen alike by every node: Bucket4j's compare-and-swap proxy over one Lettuce connection.
 * A bucket's key expires once it would be full again, so Redis keeps only the buckets in use.
 */
class RedisBucketStore extends BucketStore implements AutoCloseable {

    private final String prefix;
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;
    private final ProxyManager<String> proxies;

    /** {@code namespace}: this installation's keys' start ({@link RedisNamespace}). */
    RedisBucketStore(String url, String namespace, TimeMeter time) {
        this.prefix = namespace + "bucket:";
        this.client = RedisClient.create(url);
        this.client.setDefaultTimeout(Duration.ofSeconds(2));
        this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        this.proxies = Bucket4jLettuce.casBasedBuilder(connection)
                .clientClock(time)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    Bucket bucket(Allowance allowance, String key) {
        String redisKey = prefix + allowance.name() + ":" + allowance.capacity() + ":"
                + allowance.refillEvery().toMillis() + ":" + key;
        return proxies.builder().build(redisKey, () -> configuration(allowance));
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
