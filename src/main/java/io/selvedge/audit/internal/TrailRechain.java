package io.selvedge.audit.internal;

import io.selvedge.audit.AuditVerification;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Component;

/**
 * Upgrades a trail written before chain version 2: with its head locked (no append meanwhile), the trail
 * must first verify as it stands; then every entry from the first version 1 one to the head is rewritten
 * as version 2 (plaintexts and a new salt hashed, ciphertexts under the current key), the links and the
 * head follow, and the seals over the rewritten entries are signed again. A trail that does not verify
 * is left untouched and the rotation's job fails on it (and retries), so a tampered trail is never
 * laundered into a clean chain; {@code audit verify} names its bad entry.
 */
@Component
@RequiredArgsConstructor
class TrailRechain {

    private static final Logger log = LoggerFactory.getLogger(TrailRechain.class);
    private static final int BATCH = 500;

    private final TrailVerifier verifier;
    private final Seals seals;

    /** Whether anything was rewritten (false: another node did it first). */
    boolean rechain(Trail trail) {
        Boolean done = trail.transactions().execute(status -> {
            TrailRepository.lockHead(trail);
            Optional<Long> first = TrailRepository.firstSeqOfVersionBelow(trail, PlaintextChain.VERSION);
            if (first.isEmpty()) {
                return false;
            }
            AuditVerification check = verifier.verify(trail);
            if (!check.ok()) {
                throw new IllegalStateException(trail.describe() + " does not verify (entry " + check.firstBadEntry()
                        + " " + check.problem() + "): its version 1 entries are not re-chained");
            }
            Map<Long, String> rehashed = rewrite(trail, first.get());
            long last =
                    rehashed.keySet().stream().mapToLong(Long::longValue).max().orElseThrow();
            TrailRepository.rehashHead(trail, rehashed.get(last));
            for (Seals.Seal seal : seals.all(trail, Seals.Kind.SEAL)) {
                String hash = rehashed.get(seal.seq());
                if (hash != null) {
                    Seals.Seal resealed = seals.make(trail, Seals.Kind.SEAL, seal.seq(), hash, seal.sealedAt());
                    TrailRepository.reseal(trail, resealed);
                }
            }
            log.info("Re-chained {} entries of {} as chain version {}", rehashed.size(), trail.describe(), 2);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    /** Rewrites the entries from {@code first} on; returns each one's new hash by sequence number. */
    private static Map<Long, String> rewrite(Trail trail, long first) {
        Map<Long, String> rehashed = new HashMap<>();
        String previous = null;
        long after = first - 1;
        while (true) {
            List<PlaintextChain.Chained> batch = TrailRepository.chained(trail, after, null, BATCH);
            for (PlaintextChain.Chained row : batch) {
                StoredEntry plain = PlaintextChain.plaintexts(trail, row.entry());
                String salt = row.version() >= PlaintextChain.VERSION && row.salt() != null
                        ? PlaintextChain.decrypt(trail, row.salt(), TrailRepository.HASH_SALT, plain.seq())
                        : PlaintextChain.newSalt();
                StoredEntry linked = plain.linkedTo(previous == null ? plain.prevHash() : previous);
                String hash = linked.plaintextHash(trail.id(), salt);
                StoredEntry stored = PlaintextChain.ciphertexts(trail, linked.withHash(hash));
                TrailRepository.rechain(
                        trail,
                        stored,
                        PlaintextChain.encrypt(trail, salt, TrailRepository.HASH_SALT, stored.seq()),
                        hash);
                rehashed.put(stored.seq(), hash);
                previous = hash;
                after = stored.seq();
            }
            if (batch.size() < BATCH) {
                return rehashed;
            }
        }
    }

    private static Object nullable(@Nullable String value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }
}
