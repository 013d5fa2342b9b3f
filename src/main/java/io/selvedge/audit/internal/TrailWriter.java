package io.selvedge.audit.internal;

import io.selvedge.platform.AuditActor;
import io.selvedge.platform.AuditTarget;
import io.selvedge.platform.AuditableEvent;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.platform.TargetNames;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Appends entries. An append locks the trail's head row ({@code select ... for update}) in a transaction
 * of the trail's store, so writers on every node take turns and the chain never forks; writers of this
 * node also take turns in memory first, so they do not pile up on the database's lock.
 */
@Component
@RequiredArgsConstructor
class TrailWriter {

    private static final Logger log = LoggerFactory.getLogger(TrailWriter.class);
    private static final int ATTEMPTS = 5;
    private static final int LONGEST_TEXT = 128;
    private static final int LONGEST_ID = 256;

    private final Trails trails;
    private final ObjectProvider<TargetNames> names;
    private final Clock clock;
    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

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
                    TrailRepository.Head head = TrailRepository.lockHead(trail);
                    if (deliveryId != null && TrailRepository.delivered(trail, deliveryId)) {
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
                    TrailRepository.insert(
                            trail, hashed, PlaintextChain.encrypt(trail, salt, TrailRepository.HASH_SALT, next));
                    if (deliveryId != null) {
                        TrailRepository.markDelivery(trail, next, deliveryId);
                    }
                    TrailRepository.moveHead(trail, next, hashed.hash());
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

    /** Makes the trail's head row if it has none (two nodes at once: one insert wins, the other is ignored). */
    private void ensureHead(Trail trail) {
        if (TrailRepository.head(trail).isPresent()) {
            return;
        }
        try {
            trail.transactions().executeWithoutResult(status -> TrailRepository.insertHead(trail, StoredEntry.GENESIS));
        } catch (DuplicateKeyException e) {
            // made meanwhile by another writer
        }
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
