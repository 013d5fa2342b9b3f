package io.selvedge.monitoring.internal.detection;

import io.selvedge.platform.AuditableEvent;
import java.util.List;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Hands every audited event to the event detections, in process, once its transaction has committed (or at
 * once for an event published outside any). Not a second outbox listener: a durable publication per audited
 * event would cost every write, and a count lost with a node that dies is a count, not an alert, lost.
 * A detection that fails never fails the request that published the event. They run on their own thread
 * ({@link DetectionConfiguration#EXECUTOR}), outside the committed transaction: an alert raised from inside its
 * after-commit callback would join that finished transaction, and routing would never hear of it.
 *
 * <p>A plain listener that registers its own after-commit step, not a {@code @TransactionalEventListener}: Spring
 * Modulith stores a publication in the outbox for every transactional listener, which would double every
 * audited write, leave the detections' publications pending beside the audit trail's, and count them again
 * after a restart.
 */
@Component("monitoring.auditedEventDetections")
class AuditedEventDetections {

    private static final Logger log = LoggerFactory.getLogger(AuditedEventDetections.class);

    private final List<EventDetection> detections;
    private final Executor executor;

    AuditedEventDetections(
            List<EventDetection> detections, @Qualifier(DetectionConfiguration.EXECUTOR) Executor executor) {
        this.detections = detections.stream().filter(EventDetection::enabled).toList();
        this.executor = executor;
    }

    @EventListener
    void on(AuditableEvent event) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    executor.execute(() -> detect(event));
                }
            });
        } else {
            executor.execute(() -> detect(event));
        }
    }

    private void detect(AuditableEvent event) {
        for (EventDetection detection : detections) {
            try {
                detection.on(event);
            } catch (RuntimeException e) {
                log.warn("Detection {} failed on a {} event: {}", detection.name(), event.auditAction(), e.toString());
            }
        }
    }
}
