package io.selvedge.protection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.platform.NodeNotices;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.protection.Block;
import io.selvedge.testing.TestRedis;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A staging and a production installation sharing one Redis keep apart: blocks, strikes, node notices and
 * transfer slots.
 */
@ExtendWith(TestRedis.AvailableCondition.class)
class RedisNamespaceTest {

    private final String production = RedisNamespace.of(SelvedgeEnvironment.PRODUCTION);
    private final String staging = RedisNamespace.of(SelvedgeEnvironment.STAGING);

    @Test
    void stagingNeitherSeesNorLiftsProductionsBlocks() {
        Instant now = Instant.now();
        String id = "address:203.0.113." + (1 + (UUID.randomUUID().hashCode() & 0x7f));
        Block block = new Block(id, Block.Kind.ADDRESS, id, 1, "test", now, now.plus(Duration.ofMinutes(5)));
        try (RedisBlockStore productionBlocks = new RedisBlockStore(TestRedis.URL, production);
                RedisBlockStore stagingBlocks = new RedisBlockStore(TestRedis.URL, staging)) {
            productionBlocks.put(block, now);
            try {
                assertThat(stagingBlocks.find(id, now)).isEmpty();
                assertThat(stagingBlocks.all(now)).extracting(Block::id).doesNotContain(id);
                assertThat(stagingBlocks.remove(id, now)).isFalse();
                assertThat(productionBlocks.find(id, now))
                        .as("still blocked in production")
                        .isPresent();
                assertThat(stagingBlocks.strike(id, now, Duration.ofMinutes(1))).isEqualTo(1);
                assertThat(productionBlocks.strike(id, now, Duration.ofMinutes(1)))
                        .as("production's strikes are its own")
                        .isEqualTo(1);
            } finally {
                productionBlocks.remove(id, now);
            }
        }
    }

    @Test
    void stagingHearsNoneOfProductionsNodeNotices() throws InterruptedException {
        BlockingQueue<String> heardInProduction = new LinkedBlockingQueue<>();
        BlockingQueue<String> heardInStaging = new LinkedBlockingQueue<>();
        try (RedisNodeNotices productionNode = new RedisNodeNotices(TestRedis.URL, production);
                RedisNodeNotices otherProductionNode = new RedisNodeNotices(TestRedis.URL, production);
                RedisNodeNotices stagingNode = new RedisNodeNotices(TestRedis.URL, staging)) {
            otherProductionNode.onNotice("tokens", subject -> keep(subject, heardInProduction));
            stagingNode.onNotice("tokens", subject -> keep(subject, heardInStaging));
            String token = UUID.randomUUID().toString();

            productionNode.tell("tokens", token);

            assertThat(heardInProduction.poll(5, TimeUnit.SECONDS))
                    .as("another production node hears it")
                    .isEqualTo(token);
            assertThat(heardInStaging.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
    }

    /** A subscription's first notice is "everything" (whatever it missed); only named subjects count here. */
    private static void keep(String subject, BlockingQueue<String> heard) {
        if (!subject.equals(NodeNotices.EVERYTHING)) {
            heard.add(subject);
        }
    }

    @Test
    void stagingTakesNoneOfProductionsTransferSlots() {
        String key = "uploads:" + UUID.randomUUID();
        try (RedisSlotStore productionSlots = new RedisSlotStore(TestRedis.URL, production, Duration.ofSeconds(30));
                RedisSlotStore stagingSlots = new RedisSlotStore(TestRedis.URL, staging, Duration.ofSeconds(30))) {
            SlotStore.Slot held = productionSlots.take(key, 1);
            assertThat(held).isNotNull();
            assertThat(productionSlots.take(key, 1))
                    .as("production's cap is reached")
                    .isNull();
            SlotStore.Slot other = stagingSlots.take(key, 1);
            assertThat(other).as("staging counts its own").isNotNull();
            stagingSlots.giveBack(other);
            productionSlots.giveBack(held);
        }
    }
}
