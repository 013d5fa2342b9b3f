package io.selvedge.audit.internal;

import io.selvedge.platform.AuditableEvent;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the audited events whose delivery failed (a store briefly unreachable), every
 * {@code selvedge.audit.retry-failed-interval}, without waiting for the next start. Only failed
 * publications are resubmitted, never one still being delivered.
 */
@Component
@RequiredArgsConstructor
class FailedDeliveries {

    private final ObjectProvider<FailedEventPublications> failed;

    @Scheduled(
            fixedDelayString = "${selvedge.audit.retry-failed-interval:1m}",
            initialDelayString = "${selvedge.audit.retry-failed-interval:1m}")
    @SchedulerLock(name = "audit.retry-failed-deliveries", lockAtMostFor = "10m")
    void retry() {
        FailedEventPublications publications = failed.getIfAvailable();
        if (publications != null) {
            publications.resubmit(ResubmissionOptions.defaults()
                    .withFilter(publication -> publication.getEvent() instanceof AuditableEvent));
        }
    }
}
