package io.selvedge.audit.internal;

import io.selvedge.crypto.KeysDestroyedException;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.storage.UnknownGroupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Writes every audited event on its trail. An {@link ApplicationModuleListener}: the event publication
 * registry (the outbox, in the global store) records the event with the transaction that made it, and
 * marks it complete only once this returns; a node that dies in between delivers it again at its next
 * start. The delivery is at least once: a crash between the append and the completion writes the entry
 * twice, which the trail accepts (an entry too many, never one missing).
 *
 * <p>Events are delivered one at a time, on one thread of this node ({@link AuditConfiguration}), so
 * that entries follow the order in which their actions committed; each append takes its own transactions
 * (none is held around it). Appends of several nodes take turns on each trail's head row.
 */
@Component
class AuditListener {

    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    private final TrailWriter writer;

    AuditListener(TrailWriter writer) {
        this.writer = writer;
    }

    @ApplicationModuleListener(id = "io.selvedge.audit.trail", propagation = Propagation.NOT_SUPPORTED)
    @Async(AuditConfiguration.EXECUTOR)
    void on(AuditableEvent event) {
        try {
            writer.append(event);
        } catch (UnknownGroupException | KeysDestroyedException e) {
            // the group's keys were shredded or the group never existed: nothing can be written for it
            log.warn(
                    "No trail for a {} event of group {}: {}",
                    event.auditAction(),
                    event.auditGroupId(),
                    e.getMessage());
        }
    }
}
