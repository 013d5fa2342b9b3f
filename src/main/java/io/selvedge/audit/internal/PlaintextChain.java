package io.selvedge.audit.internal;

import io.selvedge.crypto.CiphertextTamperedException;
import io.selvedge.crypto.EncryptedColumn;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Chain version 2: an entry's hash covers the plaintexts of its encrypted fields and a secret salt, not
 * their ciphertexts, so a key rotation may rewrite the ciphertexts and the chain still verifies. The
 * salt is random per entry and stored encrypted (column {@code hash_salt}), so the hash is no oracle for
 * guessing a plaintext such as an address. Checking a version 2 entry therefore needs the trail's key;
 * a ciphertext that fails authentication makes its entry inconsistent (altered). Versions never go
 * down along a trail, so a forger cannot hide an edit by rewriting an entry as version 1.
 */
final class PlaintextChain {

    static final int VERSION = 2;

    /** The encrypted columns of an entry, the salt included: what a key rotation rewrites. */
    static final String COLUMNS = StoredEntry.COLUMNS + ", chain_version, hash_salt";

    private static final SecureRandom RANDOM = new SecureRandom();

    private PlaintextChain() {}

    /** A stored entry with its chain version and its (encrypted) salt. */
    record Chained(StoredEntry entry, int version, @Nullable String salt) {

        static Chained read(ResultSet row, int n) throws SQLException {
            return new Chained(StoredEntry.read(row, n), row.getInt("chain_version"), row.getString("hash_salt"));
        }
    }

    static String newSalt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** Whether the stored hash is the hash of the entry's fields, by its chain version. */
    static boolean consistent(Trail trail, Chained row) {
        StoredEntry entry = row.entry();
        if (row.version() < VERSION) {
            return entry.computedHash(trail.id()).equals(entry.hash());
        }
        if (row.salt() == null) {
            return false;
        }
        try {
            String salt = decrypt(trail, row.salt(), TrailRepository.HASH_SALT, entry.seq());
            return plaintexts(trail, entry).plaintextHash(trail.id(), salt).equals(entry.hash());
        } catch (CiphertextTamperedException e) {
            return false; // a ciphertext was altered or moved here from another entry
        }
    }

    /** The entry with its encrypted fields decrypted. */
    static StoredEntry plaintexts(Trail trail, StoredEntry stored) {
        long seq = stored.seq();
        return new StoredEntry(
                seq,
                stored.occurredAt(),
                stored.actorKind(),
                stored.actorId(),
                decrypt(trail, stored.actorName(), TrailRepository.ACTOR_NAME, seq),
                decrypt(trail, stored.address(), TrailRepository.ADDRESS, seq),
                decrypt(trail, stored.userAgent(), TrailRepository.USER_AGENT, seq),
                stored.action(),
                stored.targetKind(),
                stored.targetId(),
                decrypt(trail, stored.targetName(), TrailRepository.TARGET_NAME, seq),
                stored.outcome(),
                stored.requestId(),
                stored.prevHash(),
                stored.hash());
    }

    /** The entry with its encrypted fields encrypted under the trail's current key, bound to its row. */
    static StoredEntry ciphertexts(Trail trail, StoredEntry plain) {
        long seq = plain.seq();
        return new StoredEntry(
                seq,
                plain.occurredAt(),
                plain.actorKind(),
                plain.actorId(),
                encrypt(trail, plain.actorName(), TrailRepository.ACTOR_NAME, seq),
                encrypt(trail, plain.address(), TrailRepository.ADDRESS, seq),
                encrypt(trail, plain.userAgent(), TrailRepository.USER_AGENT, seq),
                plain.action(),
                plain.targetKind(),
                plain.targetId(),
                encrypt(trail, plain.targetName(), TrailRepository.TARGET_NAME, seq),
                plain.outcome(),
                plain.requestId(),
                plain.prevHash(),
                plain.hash());
    }

    @Nullable
    static String encrypt(Trail trail, @Nullable String plaintext, EncryptedColumn column, long seq) {
        return column.encrypt(trail.cipher(), plaintext, trail.rowId(seq));
    }

    @Nullable
    static String decrypt(Trail trail, @Nullable String ciphertext, EncryptedColumn column, long seq) {
        return column.decrypt(trail.cipher(), ciphertext, trail.rowId(seq));
    }
}
