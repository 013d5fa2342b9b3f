package io.selvedge.monitoring.internal.detection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

class DetectionExecutorTest {

    @Test
    void eventsPastTheQueueAreCountedAsDroppedWithoutSlowingTheCaller() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ThreadPoolTaskExecutor executor = DetectionConfiguration.boundedExecutor(1, registry, Clock.systemUTC());
        executor.initialize();
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            executor.execute(() -> {
                busy.countDown();
                await(release);
            });
            busy.await();
            executor.execute(() -> {}); // queued
            for (int i = 0; i < 5; i++) {
                executor.execute(() -> {}); // dropped: the thread is busy and the queue full
            }
            assertThat(registry.get("selvedge.monitoring.detections.dropped")
                            .counter()
                            .count())
                    .isEqualTo(5);
        } finally {
            release.countDown();
            executor.shutdown();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
