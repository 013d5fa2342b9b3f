package io.selvedge.monitoring.internal.detection;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.protection.Buckets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class DetectionConfiguration {

    static final String EXECUTOR = "monitoringDetectionExecutor";

    /**
     * The one thread the event detections run on, after the event's transaction is over: an alert a detection
     * raises is written in a transaction of its own, which the committed one's after-commit callbacks could
     * not give it (it would join the finished transaction, and its own change would never be routed). Bounded:
     * under a flood, events past the queue are dropped (counts, not alerts, lost), never the request slowed.
     * Each drop is counted in {@code selvedge.monitoring.detections.dropped}; the log says so at most once a
     * minute, so a flood does not also flood the log.
     */
    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor monitoringDetectionExecutor(MeterRegistry registry, Clock clock) {
        return boundedExecutor(10_000, registry, clock);
    }

    static ThreadPoolTaskExecutor boundedExecutor(int queueCapacity, MeterRegistry registry, Clock clock) {
        Counter dropped = Counter.builder("selvedge.monitoring.detections.dropped")
                .description("Audited events the detections did not count because their queue was full")
                .register(registry);
        AtomicLong lastWarning = new AtomicLong();
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(queueCapacity);
        executor.setThreadNamePrefix("detections-");
        executor.setRejectedExecutionHandler((task, pool) -> {
            dropped.increment();
            long now = clock.millis();
            long last = lastWarning.get();
            if ((last == 0 || now - last >= 60_000) && lastWarning.compareAndSet(last, now)) {
                LoggerFactory.getLogger(DetectionConfiguration.class)
                        .warn("Detections are behind: {} audited events not counted so far", (long) dropped.count());
            }
        });
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    Windows detectionWindows(Buckets buckets, Clock clock) {
        return new Windows(buckets, clock);
    }
}
