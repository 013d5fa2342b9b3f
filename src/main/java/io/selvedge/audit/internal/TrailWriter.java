package io.selvedge.audit.internal;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.platform.TargetNames;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Appends entries. An append locks the trail's head row ({@code select ... for update}) in a transaction
 * of the trail's store, so writers on every node take turns and the chain never forks; writers of this
 * node also take turns in memory first, so they do not pile up on the database's lock.
 */
@Component
class TrailWriter {

    private static final Logger log = LoggerFactory.getLogger(TrailWriter.class);
    private static final int ATTEMPTS = 5;
    private static final int LONGEST_TEXT = 128;
    private static final int LONGEST_ID = 256;

    static final String TABLE = "audit_entry";

    private final Trails trails;
    private final ObjectProvider<TargetNames> names;
    private final Clock clock;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    TrailWriter(Trails trails, ObjectProvider<TargetNames> names, Clock clock) {
        this.trails = trails;
        this.names = names;
        this.clock = clock;
    }

    /** Writes the event as the next entry of its trail; returns the entry's sequence number. */
    long append(AuditableEvent event) {
        return append(event, null);
    }

    /**
     * Writes the event as the next entry of its trail, once per outbox delivery: a delivery whose entry
     * is written already (delivered again after a crash) writes nothing and answers -1.
     */
    long append(AuditableEvent event, @Nullable UUID deliveryId) {
        Trail trail = trails.of(event.auditGroupId());
        AuditActor actor = event.auditActor();
        AuditTarget target = event.auditTarget();
        RequestOrigin origin = event.auditOrigin() == null ? RequestOrigin.none() : event.auditOrigin();
        String actorName = actor.kind() == AuditActor.Kind.ACCOUNT && actor.id() != null
                ? nameOf(AuditTarget.of("account", actor.id())).orElse(null)
                : null;
        String targetName = nameOf(target).orElse(null);
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        ensureHead(trail);
        ReentrantLock lock = locks.computeIfAbsent(trail.id(), id -> new ReentrantLock());
        for (int attempt = 1; ; attempt++) {
            lock.lock();
            try {
                Long seq = trail.transactions().execute(status -> {
                    Head head = lockHead(trail);
                    if (deliveryId != null && delivered(trail, deliveryId)) {
                        return null;
                    }
                    long next = head.lastSeq() + 1;
                    StoredEntry plain = new StoredEntry(
                            next,
                            at,
                            actor.kind().name(),
                            actor.id() == null ? null : actor.id().toString(),
                            actorName,
                            origin.address(),
                            origin.userAgent(),
                            shorten(event.auditAction()),
                            shorten(target.kind()),
                            shorten(target.id(), LONGEST_ID),
                            targetName,
                            event.auditOutcome().name(),
                            shorten(origin.requestId()),
                            head.lastHash(),
                            "");
                    String salt = PlaintextChain.newSalt();
                    StoredEntry hashed =
                            PlaintextChain.ciphertexts(trail, plain.withHash(plain.plaintextHash(trail.id(), salt)));
                    insert(trail, hashed, PlaintextChain.encrypt(trail, salt, "hash_salt", next));
                    if (deliveryId != null) {
                        trail.jdbc()
                                .sql("update audit_entry set delivery_id = ? where " + trail.key() + " = ? and seq = ?")
                                .params(deliveryId, trail.id(), next)
                                .update();
                    }
                    trail.jdbc()
                            .sql("update audit_trail_head set last_seq = ?, last_hash = ? where " + trail.key()
                                    + " = ?")
                            .params(next, hashed.hash(), trail.id())
                            .update();
                    return next;
                });
                return seq == null ? -1 : seq;
            } catch (DuplicateKeyException e) {
                // a row the head does not know holds the next place: the trail was tampered with (verify
                // names it); the delivery fails, stays in the outbox, and is retried
                throw new IllegalStateException(trail.describe() + " has an entry past its head: run audit verify", e);
            } catch (DataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug(
                        "Appending to {} failed ({}); trying again",
                        trail.describe(),
                        e.getClass().getSimpleName());
            } finally {
                lock.unlock();
            }
        }
    }

    record Head(long lastSeq, String lastHash) {}

    private static boolean delivered(Trail trail, UUID deliveryId) {
        return trail.jdbc()
                        .sql("select count(*) from audit_entry where " + trail.key() + " = ? and delivery_id = ?")
                        .params(trail.id(), deliveryId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The trail's head row, locked until the transaction ends. */
    static Head lockHead(Trail trail) {
        return trail.jdbc()
                .sql("select last_seq, last_hash from audit_trail_head where " + trail.key() + " = ? for update")
                .param(trail.id())
                .query((row, n) -> new Head(row.getLong(1), row.getString(2)))
                .single();
    }

    static Optional<Head> head(Trail trail) {
        return trail.jdbc()
                .sql("select last_seq, last_hash from audit_trail_head where " + trail.key() + " = ?")
                .param(trail.id())
                .query((row, n) -> new Head(row.getLong(1), row.getString(2)))
                .optional();
    }

    /** Makes the trail's head row if it has none (two nodes at once: one insert wins, the other is ignored). */
    private void ensureHead(Trail trail) {
        if (head(trail).isPresent()) {
            return;
        }
        try {
            trail.transactions()
                    .executeWithoutResult(status -> trail.jdbc()
                            .sql("insert into audit_trail_head (" + trail.key()
                                    + ", last_seq, last_hash) values (?, 0, ?)")
                            .params(trail.id(), StoredEntry.GENESIS)
                            .update());
        } catch (DuplicateKeyException e) {
            // made meanwhile by another writer
        }
    }

    private static void insert(Trail trail, StoredEntry entry, @Nullable String encryptedSalt) {
        trail.jdbc()
                .sql("insert into audit_entry (" + trail.key() + ", " + PlaintextChain.COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(List.of(
                        trail.id(),
                        entry.seq(),
                        Timestamp.from(entry.occurredAt()),
                        entry.actorKind(),
                        nullable(entry.actorId()),
                        nullable(entry.actorName()),
                        nullable(entry.address()),
                        nullable(entry.userAgent()),
                        entry.action(),
                        entry.targetKind(),
                        nullable(entry.targetId()),
                        nullable(entry.targetName()),
                        entry.outcome(),
                        nullable(entry.requestId()),
                        entry.prevHash(),
                        entry.hash(),
                        PlaintextChain.VERSION,
                        nullable(encryptedSalt)))
                .update();
    }

    private static Object nullable(@Nullable String value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }

    @Nullable
    private static String shorten(@Nullable String text) {
        return shorten(text, LONGEST_TEXT);
    }

    @Nullable
    private static String shorten(@Nullable String text, int longest) {
        return text == null || text.length() <= longest ? text : text.substring(0, longest);
    }

    private Optional<String> nameOf(AuditTarget target) {
        if (target.id() == null) {
            return Optional.empty();
        }
        for (TargetNames source : names.orderedStream().toList()) {
            try {
                Optional<String> name = source.nameOf(target);
                if (name.isPresent()) {
                    return name;
                }
            } catch (RuntimeException e) {
                // a name is a courtesy: the entry is written without it
                log.debug(
                        "No name for a {} target: {}",
                        target.kind(),
                        e.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
