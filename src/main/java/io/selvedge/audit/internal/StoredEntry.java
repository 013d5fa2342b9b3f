package io.selvedge.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.springframework.lang.Nullable;

/**
 * An entry as stored: the encrypted fields as their ciphertexts. Its hash is computed over exactly these
 * stored fields (ciphertexts, not plaintexts): the chain verifies without any key (an operator, a backup,
 * after a key rotation), a hash never reveals a guessable plaintext such as an address, and the
 * ciphertexts are themselves authenticated and bound to their row by the field encryption.
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
        ByteArrayOutputStream canonical = new ByteArrayOutputStream();
        for (String field : new String[] {
            "selvedge/audit/v1",
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
            requestId,
            prevHash
        }) {
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
                prevHash,
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
