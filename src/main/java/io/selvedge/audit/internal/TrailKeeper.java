package io.selvedge.audit.internal;

import io.selvedge.audit.AuditProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Seals each trail's head every {@code selvedge.audit.seal-interval}, and purges entries older than
 * {@code selvedge.audit.retention} behind a signed checkpoint (the hash of the last purged entry), from
 * which the verification starts.
 */
@Component
@RequiredArgsConstructor
class TrailKeeper {

    private static final Logger log = LoggerFactory.getLogger(TrailKeeper.class);

    private final Trails trails;
    private final Seals seals;
    private final AuditProperties properties;
    private final Clock clock;

    @Scheduled(
            fixedDelayString = "${selvedge.audit.seal-interval:1h}",
            initialDelayString = "${selvedge.audit.seal-interval:1h}")
    @SchedulerLock(name = "audit.seal-trails", lockAtMostFor = "30m")
    void sealAll() {
        int sealed = 0;
        for (Trail trail : trails.all()) {
            try {
                if (seal(trail)) {
                    sealed++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not seal {}: {}", trail.describe(), e.getMessage());
            }
        }
        if (sealed > 0) {
            log.info("Sealed {} audit trail(s)", sealed);
        }
    }

    /** Signs the trail's head if it moved since the last seal; whether it did. */
    boolean seal(Trail trail) {
        Optional<TrailRepository.Head> head = TrailRepository.head(trail);
        if (head.isEmpty() || head.get().lastSeq() == 0) {
            return false;
        }
        long lastSealed =
                seals.latest(trail, Seals.Kind.SEAL).map(Seals.Seal::seq).orElse(0L);
        if (head.get().lastSeq() <= lastSealed) {
            return false;
        }
        Seals.Seal seal = seals.make(
                trail, Seals.Kind.SEAL, head.get().lastSeq(), head.get().lastHash(), clock.instant());
        trail.transactions().executeWithoutResult(status -> seals.store(trail, seal));
        return true;
    }

    @Scheduled(
            fixedDelayString = "${selvedge.audit.purge-check-interval:1h}",
            initialDelayString = "${selvedge.audit.purge-check-interval:1h}")
    @SchedulerLock(name = "audit.purge-trails", lockAtMostFor = "1h")
    void purgeAll() {
        long purged = 0;
        for (Trail trail : trails.all()) {
            try {
                purged += purge(trail);
            } catch (RuntimeException e) {
                log.warn("Could not purge {}: {}", trail.describe(), e.getMessage());
            }
        }
        if (purged > 0) {
            log.info("Purged {} audit entries past the retention of {}", purged, properties.retention());
        }
    }

    /**
     * Deletes the trail's entries older than the retention, after signing a checkpoint on the last of
     * them, in one transaction with the head locked; returns how many were deleted.
     */
    long purge(Trail trail) {
        Instant cutoff = clock.instant().minus(properties.retention());
        Optional<Long> lastOld = TrailRepository.lastSeqBefore(trail, cutoff);
        if (lastOld.isEmpty()) {
            return 0;
        }
        long upTo = lastOld.get();
        Long deleted = trail.transactions().execute(status -> {
            TrailRepository.lockHead(trail);
            String hash = TrailRepository.hashOf(trail, upTo);
            seals.store(trail, seals.make(trail, Seals.Kind.CHECKPOINT, upTo, hash, clock.instant()));
            seals.deleteUpTo(trail, upTo);
            return (long) TrailRepository.deleteUpTo(trail, upTo);
        });
        return deleted == null ? 0 : deleted;
    }
}
