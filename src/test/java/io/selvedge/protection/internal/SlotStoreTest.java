package io.selvedge.protection.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.testing.TestRedis;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The slots of concurrent transfers: capped in one atomic step, in one node and across two sharing Redis. */
class SlotStoreTest {

    static final String NAMESPACE = RedisNamespace.of(SelvedgeEnvironment.TEST);

    @Test
    void aBurstOfTenTakesOnlyTheCapsSlotsAndAGivenBackSlotIsFreeAgain() throws Exception {
        LocalSlotStore store = new LocalSlotStore();

        List<SlotStore.Slot> taken = burst(10, i -> store.take("downloads:ada", 3));

        assertThat(taken).hasSize(3);
        assertThat(store.take("downloads:ada", 3)).isNull();
        assertThat(store.take("downloads:bea", 3)).as("another account's slots").isNotNull();
        store.giveBack(taken.get(0));
        store.giveBack(taken.get(0)); // twice is once
        assertThat(store.take("downloads:ada", 3)).isNotNull();
        assertThat(store.take("downloads:ada", 3)).isNull();
    }

    @Test
    @ExtendWith(TestRedis.AvailableCondition.class)
    void twoNodesSharingRedisTakeTheCapTogetherAndADeadNodesSlotsEndWithTheirLease() throws Exception {
        String key = "uploads:" + UUID.randomUUID();
        RedisSlotStore second = new RedisSlotStore(TestRedis.URL, NAMESPACE, Duration.ofSeconds(3));
        try (RedisSlotStore first = new RedisSlotStore(TestRedis.URL, NAMESPACE, Duration.ofSeconds(3))) {

            List<SlotStore.Slot> taken = burst(10, i -> (i % 2 == 0 ? first : second).take(key, 4));

            assertThat(taken).hasSize(4);
            SlotStore.Slot onFirst = Objects.requireNonNull(first.take(key + ":a", 1));
            assertThat(second.take(key + ":a", 1)).isNull();
            first.giveBack(onFirst);
            SlotStore.Slot onSecond = second.take(key + ":a", 1);
            assertThat(onSecond).as("given back on one node, free on the other").isNotNull();

            // Held past its 3 s lease, renewed by its node; then the node dies without giving it back.
            Thread.sleep(4_000);
            assertThat(first.take(key + ":a", 1))
                    .as("a running transfer's lease is renewed")
                    .isNull();
            second.close();
            Thread.sleep(3_500);
            assertThat(first.take(key + ":a", 1))
                    .as("a dead node's slot ends with its lease")
                    .isNotNull();
        } finally {
            second.close();
        }
    }

    interface Taking {
        SlotStore.Slot take(int i);
    }

    /** {@code size} takes at once; the slots taken. */
    private static List<SlotStore.Slot> burst(int size, Taking taking) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(size);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<SlotStore.Slot>> results = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int each = i;
                results.add(threads.submit(() -> {
                    go.await();
                    return taking.take(each);
                }));
            }
            go.countDown();
            List<SlotStore.Slot> taken = new ArrayList<>();
            for (Future<SlotStore.Slot> result : results) {
                if (result.get() != null) {
                    taken.add(result.get());
                }
            }
            return taken;
        } finally {
            threads.shutdownNow();
        }
    }
}
