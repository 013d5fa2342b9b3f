package io.selvedge.protection.internal;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Notices between the nodes that share a Redis, over publish/subscribe on one channel: a message is the topic and
 * the subject, separated by a space. Lettuce reconnects and subscribes again by itself; each time the subscription
 * (re)starts, every topic is handled as {@link #EVERYTHING}, since what was published meanwhile is lost.
 */
final class RedisNodeNotices extends LocalNodeNotices implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisNodeNotices.class);

    private final String channel;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> publisher;
    private final StatefulRedisPubSubConnection<String, String> subscriber;

    /** {@code namespace}: this installation's channel's start ({@link RedisNamespace}). */
    RedisNodeNotices(String url, String namespace) {
        this.channel = namespace + "node-notices";
        this.client = RedisClient.create(url);
        this.client.setDefaultTimeout(Duration.ofSeconds(2));
        this.publisher = client.connect();
        this.subscriber = client.connectPubSub();
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                int space = message.indexOf(' ');
                if (space > 0) {
                    handle(message.substring(0, space), message.substring(space + 1));
                }
            }

            @Override
            public void subscribed(String channel, long count) {
                handleEverything();
            }
        });
        subscriber.sync().subscribe(channel);
    }

    @Override
    public void tell(String topic, String subject) {
        if (topic.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("A notice topic has no space: " + topic);
        }
        handle(topic, subject);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    publish(topic, subject);
                }
            });
        } else {
            publish(topic, subject);
        }
    }

    private void publish(String topic, String subject) {
        publisher.async().publish(channel, topic + " " + subject).whenComplete((receivers, failure) -> {
            if (failure != null) {
                log.warn(
                        "Could not tell the other nodes of a change ({}): they see it when their cache expires",
                        topic,
                        failure);
            }
        });
    }

    @Override
    public void close() {
        subscriber.close();
        publisher.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
    }
}
