package io.selvedge.audit.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The audit listener's own executor: one thread, so entries are appended in the order events arrive. */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    static final String EXECUTOR = "auditExecutor";

    @Bean(EXECUTOR)
    ThreadPoolTaskExecutor auditExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("audit-");
        // Undelivered events stay in the outbox and are delivered again at the next start.
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }
}
