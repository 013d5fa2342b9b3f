package io.selvedge.audit.internal;

import io.selvedge.crypto.Signatures;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * The {@code audit_seal} table: signed heads of the trails, kept apart from the entries. A SEAL signs
 * the head at a moment (every seal interval); a CHECKPOINT signs the last purged entry, where the kept
 * chain starts. Signed with the store's signing key (crypto's {@link Signatures}).
 */
@Component
@RequiredArgsConstructor
class Seals {

    enum Kind {
        SEAL,
        CHECKPOINT
    }

    record Seal(Kind kind, long seq, String hash, Instant sealedAt, String signature) {}

    private final Signatures signatures;

    Seal make(Trail trail, Kind kind, long seq, String hash, Instant at) {
        byte[] signature = signatures.sign(trail.store(), signed(trail, kind, seq, hash));
        return new Seal(kind, seq, hash, at, Base64.getEncoder().encodeToString(signature));
    }

    void store(Trail trail, Seal seal) {
        TrailRepository.insertSeal(trail, seal);
    }

    boolean isValid(Trail trail, Seal seal) {
        try {
            return signatures.verify(
                    trail.store(),
                    signed(trail, seal.kind(), seal.seq(), seal.hash()),
                    Base64.getDecoder().decode(seal.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The trail's seals of a kind, oldest first. */
    List<Seal> all(Trail trail, Kind kind) {
        return TrailRepository.seals(trail, kind);
    }

    Optional<Seal> latest(Trail trail, Kind kind) {
        List<Seal> all = all(trail, kind);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    void deleteUpTo(Trail trail, long seq) {
        TrailRepository.deleteSealsUpTo(trail, seq);
    }

    private static byte[] signed(Trail trail, Kind kind, long seq, String hash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part :
                new String[] {"selvedge/audit-seal/v1", trail.id().toString(), kind.name(), Long.toString(seq), hash}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
