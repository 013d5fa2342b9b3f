package io.selvedge.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An entry as stored: the encrypted fields as their ciphertexts. Two chain versions (column
 * {@code chain_version}): version 1 entries are hashed over exactly these stored fields, ciphertexts
 * included ({@link #computedHash}); version 2 entries, written since, over the plaintexts and a secret
 * per-entry salt ({@link #plaintextHash}, see {@link PlaintextChain}), so that a key rotation may rewrite
 * their ciphertexts without breaking the chain.
 */
record StoredEntry(
        long seq,
        Instant occurredAt,
        String actorKind,
        @Nullable String actorId,
        @Nullable String actorName,
        @Nullable String address,
        @Nullable String userAgent,
        String action,
        String targetKind,
        @Nullable String targetId,
        @Nullable String targetName,
        String outcome,
        @Nullable String requestId,
        String prevHash,
        String hash) {

    /** The hash before the first entry of a trail. */
    static final String GENESIS = "0".repeat(64);

    static final String COLUMNS = "seq, occurred_at, actor_kind, actor_id, actor_name, address, user_agent, action,"
            + " target_kind, target_id, target_name, outcome, request_id, prev_hash, hash";

    static StoredEntry read(ResultSet row, int n) throws SQLException {
        return new StoredEntry(
                row.getLong("seq"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getString("actor_kind"),
                row.getString("actor_id"),
                row.getString("actor_name"),
                row.getString("address"),
                row.getString("user_agent"),
                row.getString("action"),
                row.getString("target_kind"),
                row.getString("target_id"),
                row.getString("target_name"),
                row.getString("outcome"),
                row.getString("request_id"),
                row.getString("prev_hash"),
                row.getString("hash"));
    }

    /** The hash this entry should carry: SHA-256 over the trail id and every stored field, length-prefixed. */
    String computedHash(UUID trailId) {
        return hashOf(trailId, "selvedge/audit/v1", null);
    }

    /**
     * The version 2 hash: this entry's encrypted fields must hold their <em>plaintexts</em>; the salt
     * (secret, stored encrypted) keeps a guessable plaintext such as an address from being found by
     * hashing guesses.
     */
    String plaintextHash(UUID trailId, String salt) {
        return hashOf(trailId, "selvedge/audit/v2", salt);
    }

    private String hashOf(UUID trailId, String domain, @Nullable String salt) {
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        List<String> fields = new ArrayList<>(Arrays.asList(
                domain,
                trailId.toString(),
                Long.toString(seq),
                Long.toString(occurredAt.toEpochMilli()),
                actorKind,
                actorId,
                actorName,
                address,
                userAgent,
                action,
                targetKind,
                targetId,
                targetName,
                outcome,
                requestId));
        if (salt != null) {
            fields.add(salt); // version 1 has no salt: its hashes stay what they were
        }
        fields.add(prevHash);
        for (String field : fields) {
            if (field == null) {
                canonical.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
                continue;
            }
            byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
            canonical.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            canonical.writeBytes(bytes);
        }
        return sha256(canonical.toByteArray());
    }

    StoredEntry withHash(String newHash) {
        return chained(prevHash, newHash);
    }

    /** This entry linked after {@code newPrevHash}, its own hash not computed yet (empty). */
    StoredEntry linkedTo(String newPrevHash) {
        return chained(newPrevHash, "");
    }

    private StoredEntry chained(String newPrevHash, String newHash) {
        return new StoredEntry(
                seq,
                occurredAt,
                actorKind,
                actorId,
                actorName,
                address,
                userAgent,
                action,
                targetKind,
                targetId,
                targetName,
                outcome,
                requestId,
                newPrevHash,
                newHash);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
