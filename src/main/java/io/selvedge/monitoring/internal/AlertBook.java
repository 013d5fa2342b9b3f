package io.selvedge.monitoring.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.monitoring.AlertHandled;
import io.selvedge.monitoring.AlertSignal;
import io.selvedge.monitoring.Alerts;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * {@link Alerts}, and the life cycle of the alerts: a group's alert is written in its region through the
 * group's unit of work, the installation's in the global store's transaction, and every change publishes
 * {@link AlertChanged} in that same transaction (a repeat folded in is no change routing sends).
 */
@Service
class AlertBook implements Alerts {

    static final String DEDUP_INDEX = "monitoring.alert.dedup";
    private static final int ATTEMPTS = 5;

    private final GroupWrites writes;
    private final JdbcClient global;
    private final TransactionOperations globalTransactions;
    private final AlertRows rows;
    private final AlertSeals seals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlertBook(
            GroupWrites writes,
            Stores stores,
            TransactionOperations globalTransactions,
            AlertRows rows,
            FieldCiphers ciphers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.writes = writes;
        this.global = JdbcClient.create(stores.global().dataSource());
        this.globalTransactions = globalTransactions;
        this.rows = rows;
        this.seals = new AlertSeals(ciphers);
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void raise(AlertSignal signal) {
        AlertRules.checked(signal);
        for (int attempt = 1; ; attempt++) {
            try {
                raiseOnce(signal);
                return;
            } catch (DataIntegrityViolationException | ConcurrencyFailureException race) {
                // Another raise of the key opened its alert first (the unique open key): fold into that one.
                if (attempt == ATTEMPTS) {
                    throw race;
                }
            }
        }
    }

    private void raiseOnce(AlertSignal signal) {
        UUID groupId = signal.groupId();
        FieldCipher cipher = seals.cipherOf(groupId);
        String dedupHash = HexFormat.of().formatHex(cipher.blindIndex(DEDUP_INDEX, signal.dedupKey()));
        inStoreOf(groupId, jdbc -> {
            Instant now = clock.instant();
            Optional<AlertRows.Row> folded = rows.fold(jdbc, groupId, dedupHash, now);
            if (folded.isPresent()) {
                rows.repeated(
                        jdbc, folded.get().id(), groupId, now, folded.get().signals());
                return null;
            }
            UUID id = UUID.randomUUID();
            AlertRows.Row row = seals.seal(id, signal, now);
            rows.insert(jdbc, row, dedupHash);
            rows.step(jdbc, id, groupId, new Alert.Step(now, Alert.Step.Kind.OPENED, 1, null));
            events.publishEvent(seals.open(row).changed(AlertChanged.Change.OPENED, now, null));
            return null;
        });
    }

    /**
     * Acknowledges the alert: someone is on it, so it no longer escalates. An acknowledged one stays as it is.
     *
     * @throws io.selvedge.platform.Refusal.Conflict for a resolved alert
     */
    Alert acknowledge(AlertRef ref, UUID by) {
        return inStoreOf(ref.groupId(), jdbc -> {
            AlertRows.Row row = rows.find(jdbc, ref.groupId(), ref.id()).orElseThrow(AlertNotFound::new);
            if (!AlertRules.acknowledges(row.status()) || !rows.acknowledge(jdbc, ref.id(), by, clock.instant())) {
                return seals.open(row);
            }
            Instant now = clock.instant();
            Alert alert = changed(jdbc, ref, Alert.Step.Kind.ACKNOWLEDGED, now, by);
            events.publishEvent(alert.changed(AlertChanged.Change.ACKNOWLEDGED, now, by));
            events.publishEvent(new AlertHandled(
                    ref.id(), AlertHandled.Step.ACKNOWLEDGED, ref.groupId(), by, RequestOrigin.current()));
            return alert;
        });
    }

    /** Resolves the alert, open or acknowledged; the next signal of its key opens a new alert. */
    Alert resolve(AlertRef ref, UUID by) {
        return inStoreOf(ref.groupId(), jdbc -> {
            AlertRows.Row row = rows.find(jdbc, ref.groupId(), ref.id()).orElseThrow(AlertNotFound::new);
            Instant now = clock.instant();
            if (!AlertRules.resolves(row.status()) || !rows.resolve(jdbc, ref.id(), by, now)) {
                return seals.open(row);
            }
            Alert alert = changed(jdbc, ref, Alert.Step.Kind.RESOLVED, now, by);
            events.publishEvent(alert.changed(AlertChanged.Change.RESOLVED, now, by));
            events.publishEvent(
                    new AlertHandled(ref.id(), AlertHandled.Step.RESOLVED, ref.groupId(), by, RequestOrigin.current()));
            return alert;
        });
    }

    /** Escalates the alert if it is still due (critical, open, never escalated); true if it did now. */
    boolean escalate(AlertRef ref) {
        return Boolean.TRUE.equals(inStoreOf(ref.groupId(), jdbc -> {
            Instant now = clock.instant();
            if (!rows.escalate(jdbc, ref.id(), now)) {
                return false;
            }
            Alert alert = changed(jdbc, ref, Alert.Step.Kind.ESCALATED, now, null);
            events.publishEvent(alert.changed(AlertChanged.Change.ESCALATED, now, null));
            return true;
        }));
    }

    private Alert changed(JdbcClient jdbc, AlertRef ref, Alert.Step.Kind kind, Instant at, @Nullable UUID by) {
        AlertRows.Row row = rows.find(jdbc, ref.groupId(), ref.id()).orElseThrow(AlertNotFound::new);
        rows.step(jdbc, ref.id(), ref.groupId(), new Alert.Step(at, kind, row.signals(), by));
        return seals.open(row);
    }

    /** Runs the work in one transaction of the store the alerts of the group (null: the installation) live in. */
    private <T> T inStoreOf(@Nullable UUID groupId, Function<JdbcClient, T> work) {
        if (groupId != null) {
            return writes.write(groupId, plane -> work.apply(plane.jdbc()));
        }
        return globalTransactions.execute(tx -> work.apply(global));
    }

    /** An alert's id and the group it belongs to (null: the installation). */
    record AlertRef(UUID id, @Nullable UUID groupId) {}
}
