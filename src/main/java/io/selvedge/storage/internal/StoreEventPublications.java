package io.selvedge.storage.internal;

import io.selvedge.platform.AuditableEvent;
import io.selvedge.storage.EventDeliveries;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.OutboxSerializer;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Primary;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outbox, one table in every store: Spring Modulith's event publication registry keeps its
 * publications here. A publication is written to the store whose transaction is open on this thread,
 * so it commits or rolls back with the change it reports. An event of a group goes to the group's
 * region and nowhere else: published inside the region's transaction it joins it; published outside
 * any, it is written at once; published inside another store's transaction, it is written to the
 * region once that transaction has committed (never for one that rolled back). Events of no group
 * (accounts, the directory) stay in the store whose transaction is open, the global one by default.
 *
 * <p>Reads (the publications to deliver again after a restart, the failed ones) cover every store.
 */
@Primary
@Component
class StoreEventPublications implements EventPublicationRepository, EventDeliveries {

    private static final Logger log = LoggerFactory.getLogger(StoreEventPublications.class);

    private final StoreCatalog stores;
    private final GroupDataPlanes planes;
    private final ObjectProvider<OutboxSerializer> serializers;
    private final Map<String, OutboxTable> tables = new LinkedHashMap<>();
    /** Where each publication this node wrote or read lives, so that marking it asks one store. */
    private final Map<UUID, OutboxTable> located = new ConcurrentHashMap<>();
    /** The publication ids of the event instances being delivered, by listener. */
    private final InFlightPublications inFlight = new InFlightPublications();

    StoreEventPublications(StoreCatalog stores, GroupDataPlanes planes, ObjectProvider<OutboxSerializer> serializers) {
        this.stores = stores;
        this.planes = planes;
        this.serializers = serializers;
        for (Store store : stores.all()) {
            tables.put(store.id().name(), new OutboxTable(store.id(), store.dataSource()));
        }
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        Object event = publication.getEvent();
        UUID groupId = groupOf(event);
        OutboxTable table = tableFor(groupId);
        String serialized = serializers.getObject().serialize(event, groupId);
        Runnable insert = () -> table.insert(
                publication.getIdentifier(),
                publication.getTargetIdentifier().getValue(),
                event.getClass().getName(),
                serialized,
                groupId,
                publication.getPublicationDate(),
                publication.getCompletionAttempts());
        if (!TransactionSynchronizationManager.isActualTransactionActive() || joins(table)) {
            insert.run();
        } else {
            // an event of a group reported inside a transaction of another store: written to the group's
            // region once that transaction has committed, so a change rolled back reports nothing
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    insert.run();
                }
            });
        }
        remember(publication, table);
        return publication;
    }

    @Override
    public Optional<UUID> publicationOf(Object event, String listenerId) {
        return inFlight.find(event, listenerId);
    }

    @Override
    public void markProcessing(UUID id) {
        onTable(id, table -> table.markStatus(id, Status.PROCESSING));
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier target, Instant completionDate) {
        Optional<UUID> id = inFlight.find(event, target.getValue())
                .or(() -> findIncompletePublicationsByEventAndTargetIdentifier(event, target)
                        .map(TargetEventPublication::getIdentifier));
        id.ifPresent(found -> markCompleted(found, completionDate));
    }

    @Override
    public void markCompleted(UUID id, Instant completionDate) {
        onTable(id, table -> table.complete(id));
        forget(id);
    }

    @Override
    public void markFailed(UUID id) {
        onTable(id, table -> table.markStatus(id, Status.FAILED));
        forget(id);
    }

    @Override
    public boolean markResubmitted(UUID id, Instant resubmissionDate) {
        return onTable(id, table -> table.markResubmitted(id, resubmissionDate));
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return readAll(OutboxTable::incomplete);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return readAll(table -> table.incompleteBefore(instant));
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(
            Object event, PublicationTargetIdentifier target) {
        OutboxTable table = tableFor(groupOf(event));
        return read(table, table.incompleteOf(target.getValue())).stream()
                .filter(publication -> Objects.equals(publication.getEvent(), event))
                .findFirst();
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return readAll(OutboxTable::completed);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        List<TargetEventPublication> failed = readAll(
                table -> table.failedBefore(criteria.getPublicationDateReference(), criteria.getMaxItemsToRead()));
        return failed.stream().limit(criteria.getMaxItemsToRead()).toList();
    }

    @Override
    public List<TargetEventPublication> findByStatus(Status status) {
        return readAll(table -> table.withStatus(status));
    }

    @Override
    public int countByStatus(Status status) {
        return tables.values().stream()
                .mapToInt(table -> table.countWithStatus(status))
                .sum();
    }

    @Override
    public void deletePublications(List<UUID> ids) {
        tables.values().forEach(table -> table.delete(ids));
        ids.forEach(this::forget);
    }

    @Override
    public void deleteCompletedPublications() {
        tables.values().forEach(OutboxTable::deleteCompleted);
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        tables.values().forEach(table -> table.deleteCompletedBefore(instant));
    }

    private @Nullable UUID groupOf(Object event) {
        return event instanceof AuditableEvent audited ? audited.auditGroupId() : null;
    }

    /** A group's events go to its region; others to the store whose transaction is open, else the global. */
    private OutboxTable tableFor(@Nullable UUID groupId) {
        if (groupId != null) {
            // through the group's data plane, which admits a group registered before the residents list
            return tables.get(StoreId.region(planes.of(groupId).region()).name());
        }
        return tables.values().stream()
                .filter(this::joins)
                .findFirst()
                .orElseGet(() -> tables.get(stores.global().id().name()));
    }

    /** Whether a transaction is open on this thread on the table's store. */
    private boolean joins(OutboxTable table) {
        return TransactionSynchronizationManager.isActualTransactionActive()
                && TransactionSynchronizationManager.hasResource(table.dataSource());
    }

    private boolean onTable(UUID id, Function<OutboxTable, Boolean> change) {
        OutboxTable known = located.get(id);
        if (known != null && change.apply(known)) {
            return true;
        }
        for (OutboxTable table : tables.values()) {
            if (table != known && change.apply(table)) {
                located.put(id, table);
                return true;
            }
        }
        return false;
    }

    private List<TargetEventPublication> readAll(Function<OutboxTable, List<OutboxTable.Row>> query) {
        List<TargetEventPublication> all = new ArrayList<>();
        for (OutboxTable table : tables.values()) {
            all.addAll(read(table, query.apply(table)));
        }
        all.sort(Comparator.comparing(TargetEventPublication::getPublicationDate));
        return all;
    }

    private List<TargetEventPublication> read(OutboxTable table, Collection<OutboxTable.Row> rows) {
        List<TargetEventPublication> read = new ArrayList<>();
        for (OutboxTable.Row row : rows) {
            Object event;
            try {
                event = serializers
                        .getObject()
                        .deserialize(row.serializedEvent(), Class.forName(row.eventType()), row.groupId());
            } catch (ClassNotFoundException | RuntimeException e) {
                // e.g. the group's keys were destroyed: the event can never be delivered, and stays unread
                log.warn(
                        "Publication {} in the {} store cannot be read ({}); it is skipped",
                        row.id(),
                        table.store(),
                        e.getClass().getSimpleName());
                continue;
            }
            StoredPublication publication = new StoredPublication(
                    row.id(),
                    event,
                    PublicationTargetIdentifier.of(row.listenerId()),
                    row.publicationDate(),
                    row.completionDate(),
                    row.status(),
                    row.completionAttempts(),
                    row.lastResubmissionDate());
            remember(publication, table);
            read.add(publication);
        }
        return read;
    }

    private void remember(TargetEventPublication publication, OutboxTable table) {
        located.put(publication.getIdentifier(), table);
        inFlight.add(publication);
    }

    private void forget(UUID id) {
        located.remove(id);
        inFlight.remove(id);
    }
}
