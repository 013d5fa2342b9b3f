package io.selvedge.storage.internal;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The publications a listener may be handed, by the event instance itself (the registry hands each
 * listener the instance it stored or read back) and the listener's id. Entries leave when their
 * publication completes, fails or is deleted, and when the transaction that wrote them rolls back.
 */
final class InFlightPublications {

    private record Entry(Object event, String listenerId) {}

    private final Map<Object, Map<String, UUID>> byEvent = new IdentityHashMap<>();
    private final Map<UUID, Entry> byId = new HashMap<>();

    synchronized void add(TargetEventPublication publication) {
        Object event = publication.getEvent();
        String listener = publication.getTargetIdentifier().getValue();
        UUID id = publication.getIdentifier();
        byEvent.computeIfAbsent(event, e -> new HashMap<>()).put(listener, id);
        byId.put(id, new Entry(event, listener));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        remove(id);
                    }
                }
            });
        }
    }

    synchronized Optional<UUID> find(Object event, String listenerId) {
        Map<String, UUID> listeners = byEvent.get(event);
        return listeners == null ? Optional.empty() : Optional.ofNullable(listeners.get(listenerId));
    }

    synchronized void remove(UUID id) {
        Entry entry = byId.remove(id);
        if (entry == null) {
            return;
        }
        Map<String, UUID> listeners = byEvent.get(entry.event());
        if (listeners != null) {
            listeners.remove(entry.listenerId());
            if (listeners.isEmpty()) {
                byEvent.remove(entry.event());
            }
        }
    }
}
