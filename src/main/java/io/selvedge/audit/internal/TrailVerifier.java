package io.selvedge.audit.internal;

import io.selvedge.audit.AuditVerification;
import io.selvedge.crypto.KeysDestroyedException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Recomputes a trail's chain, a batch at a time, from its start (or its signed retention checkpoint) to
 * its head, and names the first entry that was altered, removed or inserted:
 *
 * <ul>
 *   <li>a gap in the sequence numbers: the first missing entry was <em>removed</em>;
 *   <li>an entry whose previous hash is that of the entry two before: the one between was
 *       <em>inserted</em> (the later entries renumbered to make room); an entry past the head row, or
 *       below the chain's start: <em>inserted</em>;
 *   <li>an entry whose stored hash is not the hash of its fields: <em>altered</em>; an entry whose hash
 *       was recomputed after the change shows as a broken link in the next entry, or a seal that does
 *       not match;
 *   <li>an entry of chain version 2 (see {@link PlaintextChain}) whose ciphertext fails authentication,
 *       or an entry of a lower chain version than the one before it: <em>altered</em>;
 *   <li>a seal past the last entry: entries at the end were <em>removed</em> (head row rewritten too).
 * </ul>
 */
@Component
@RequiredArgsConstructor
class TrailVerifier {

    private static final int BATCH = 500;

    private final Seals seals;

    AuditVerification verify(Trail trail) {
        Optional<TrailRepository.Head> head = TrailRepository.head(trail);
        if (head.isEmpty()) {
            long stray = count(trail);
            return stray == 0 ? AuditVerification.passed(0) : AuditVerification.failed(0, firstSeq(trail), "inserted");
        }
        long start = 1;
        String previous = StoredEntry.GENESIS;
        Optional<Seals.Seal> checkpoint = seals.latest(trail, Seals.Kind.CHECKPOINT);
        if (checkpoint.isPresent()) {
            if (!seals.isValid(trail, checkpoint.get())) {
                return AuditVerification.failed(0, checkpoint.get().seq(), "checkpoint signature invalid");
            }
            start = checkpoint.get().seq() + 1;
            previous = checkpoint.get().hash();
        }
        Map<Long, Seals.Seal> sealsBySeq = new HashMap<>();
        for (Seals.Seal seal : seals.all(trail, Seals.Kind.SEAL)) {
            if (seal.seq() < start) {
                continue;
            }
            if (!seals.isValid(trail, seal)) {
                return AuditVerification.failed(0, seal.seq(), "seal signature invalid");
            }
            sealsBySeq.put(seal.seq(), seal);
        }
        long last = head.get().lastSeq();
        if (firstSeqBelow(trail, start).isPresent()) {
            return AuditVerification.failed(0, firstSeqBelow(trail, start).get(), "inserted");
        }
        long expected = start;
        String twoBack = null;
        int version = 1; // never goes down along the trail
        Long downgraded = null;
        long checked = 0;
        long after = start - 1;
        while (true) {
            List<PlaintextChain.Chained> batch = TrailRepository.chained(trail, after, last, BATCH);
            for (PlaintextChain.Chained row : batch) {
                StoredEntry entry = row.entry();
                if (entry.seq() > expected) {
                    return AuditVerification.failed(checked, expected, "removed");
                }
                checked++;
                boolean consistent;
                try {
                    consistent = PlaintextChain.consistent(trail, row);
                } catch (KeysDestroyedException e) {
                    return AuditVerification.failed(checked, entry.seq(), "unreadable (its keys are destroyed)");
                }
                if (!entry.prevHash().equals(previous)) {
                    if (entry.prevHash().equals(twoBack)) {
                        return AuditVerification.failed(checked, entry.seq() - 1, "inserted");
                    }
                    if (consistent) {
                        // this entry is intact: the one before it changed, its hash recomputed to hide it
                        return AuditVerification.failed(checked, Math.max(start, entry.seq() - 1), "altered");
                    }
                }
                if (!consistent) {
                    return AuditVerification.failed(checked, entry.seq(), "altered");
                }
                Seals.Seal seal = sealsBySeq.get(entry.seq());
                if (seal != null && !seal.hash().equals(entry.hash())) {
                    return AuditVerification.failed(checked, entry.seq(), "altered (does not match its seal)");
                }
                if (row.version() < version && downgraded == null) {
                    downgraded = entry.seq(); // named last, should nothing nearer explain it
                }
                version = Math.max(version, row.version());
                twoBack = previous;
                previous = entry.hash();
                expected = entry.seq() + 1;
                after = entry.seq();
            }
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (expected <= last) {
            return AuditVerification.failed(checked, expected, "removed");
        }
        if (downgraded != null) {
            return AuditVerification.failed(checked, downgraded, "altered (rewritten as an older chain version)");
        }
        if (last >= start && !head.get().lastHash().equals(previous)) {
            return AuditVerification.failed(checked, last, "altered");
        }
        for (Seals.Seal seal : sealsBySeq.values()) {
            if (seal.seq() > last) {
                return AuditVerification.failed(checked, last + 1, "removed (a seal names a later entry)");
            }
        }
        // Entries past the head read at the start: appended since, unless the head does not reach them.
        Optional<Long> beyond = TrailRepository.firstSeqAbove(trail, last);
        if (beyond.isPresent()) {
            long now = TrailRepository.head(trail)
                    .map(TrailRepository.Head::lastSeq)
                    .orElse(last);
            Optional<Long> stray = TrailRepository.firstSeqAbove(trail, now);
            if (stray.isPresent()) {
                return AuditVerification.failed(checked, stray.get(), "inserted");
            }
        }
        return AuditVerification.passed(checked);
    }

    private static Optional<Long> firstSeqBelow(Trail trail, long start) {
        return TrailRepository.firstSeqBelow(trail, start);
    }

    private static long count(Trail trail) {
        return TrailRepository.count(trail);
    }

    private static long firstSeq(Trail trail) {
        return firstSeqBelow(trail, Long.MAX_VALUE).orElse(0L);
    }
}
