package io.selvedge.audit.internal;

import io.selvedge.crypto.KeysDestroyedException;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.storage.EventDeliveries;
import io.selvedge.storage.UnknownGroupException;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Writes every audited event on its trail. An {@link ApplicationModuleListener}: the event publication
 * registry (the outbox, in the store of the transaction that made it: a group's region) records the event
 * with that transaction, and marks it complete only once this returns; a node that dies in between
 * delivers it again at its next start. The entry records the publication's id, so a delivery repeated
 * after a crash between the append and the completion finds its entry and writes none twice.
 *
 * <p>Events are delivered one at a time, on one thread of this node ({@link AuditConfiguration}), so
 * that entries follow the order in which their actions committed; each append takes its own transactions
 * (none is held around it). Appends of several nodes take turns on each trail's head row.
 */
@Component
@RequiredArgsConstructor
class AuditListener {

    private static final Logger log = LoggerFactory.getLogger(AuditListener.class);

    static final String ID = "io.selvedge.audit.trail";

    private final TrailWriter writer;
    private final EventDeliveries deliveries;

    @ApplicationModuleListener(id = ID, propagation = Propagation.NOT_SUPPORTED)
    @Async(AuditConfiguration.EXECUTOR)
    void on(AuditableEvent event) {
        try {
            writer.append(event, deliveries.publicationOf(event, ID).orElse(null));
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
