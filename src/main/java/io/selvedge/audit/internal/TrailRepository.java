package io.selvedge.audit.internal;

import io.selvedge.audit.AuditFilter;
import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of a trail's entries ({@code audit_entry}), its head ({@code audit_trail_head}) and its seals
 * ({@code audit_seal}), in the trail's store, and the one declaration of the entries' encrypted columns.
 * Every statement names the trail by {@link Trail#key()}: {@code group_id} in a region, {@code trail_id}
 * for the platform trail.
 */
final class TrailRepository {

    /** The entries; an entry's ciphertexts are bound to {@link Trail#rowId(long)}, not to a uuid column. */
    static final EncryptedTable ENTRIES = EncryptedTable.named("audit_entry");

    static final EncryptedColumn ACTOR_NAME = ENTRIES.column("actor_name");
    static final EncryptedColumn ADDRESS = ENTRIES.column("address");
    static final EncryptedColumn USER_AGENT = ENTRIES.column("user_agent");
    static final EncryptedColumn TARGET_NAME = ENTRIES.column("target_name");
    static final EncryptedColumn HASH_SALT = ENTRIES.column("hash_salt");

    private TrailRepository() {}

    record Head(long lastSeq, String lastHash) {}

    // --- the head

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

    static void insertHead(Trail trail, String genesis) {
        trail.jdbc()
                .sql("insert into audit_trail_head (" + trail.key() + ", last_seq, last_hash) values (?, 0, ?)")
                .params(trail.id(), genesis)
                .update();
    }

    static void moveHead(Trail trail, long lastSeq, String lastHash) {
        trail.jdbc()
                .sql("update audit_trail_head set last_seq = ?, last_hash = ? where " + trail.key() + " = ?")
                .params(lastSeq, lastHash, trail.id())
                .update();
    }

    static void rehashHead(Trail trail, String lastHash) {
        trail.jdbc()
                .sql("update audit_trail_head set last_hash = ? where " + trail.key() + " = ?")
                .params(lastHash, trail.id())
                .update();
    }

    /** Whether the store holds the head of a trail keyed by this column (the platform trail's, globally). */
    static boolean hasHead(JdbcClient jdbc, String key) {
        return !jdbc.sql("select " + key + " from audit_trail_head")
                .query()
                .listOfRows()
                .isEmpty();
    }

    /** The groups whose trails a regional store holds. */
    static List<UUID> groupTrails(JdbcClient jdbc) {
        return jdbc.sql("select group_id from audit_trail_head order by group_id")
                .query(UUID.class)
                .list();
    }

    // --- the entries

    static void insert(Trail trail, StoredEntry entry, @Nullable String encryptedSalt) {
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

    static void markDelivery(Trail trail, long seq, UUID deliveryId) {
        trail.jdbc()
                .sql("update audit_entry set delivery_id = ? where " + trail.key() + " = ? and seq = ?")
                .params(deliveryId, trail.id(), seq)
                .update();
    }

    static boolean delivered(Trail trail, UUID deliveryId) {
        return trail.jdbc()
                        .sql("select count(*) from audit_entry where " + trail.key() + " = ? and delivery_id = ?")
                        .params(trail.id(), deliveryId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Rewrites an entry re-chained as the current chain version. */
    static void rechain(Trail trail, StoredEntry stored, String encryptedSalt, String hash) {
        trail.jdbc()
                .sql("update audit_entry set actor_name = ?, address = ?, user_agent = ?, target_name = ?,"
                        + " hash_salt = ?, chain_version = ?, prev_hash = ?, hash = ? where " + trail.key()
                        + " = ? and seq = ?")
                .params(
                        nullable(stored.actorName()),
                        nullable(stored.address()),
                        nullable(stored.userAgent()),
                        nullable(stored.targetName()),
                        encryptedSalt,
                        PlaintextChain.VERSION,
                        stored.prevHash(),
                        hash,
                        trail.id(),
                        stored.seq())
                .update();
    }

    /** The entries after {@code after} up to {@code last} (any when null), in order, at most {@code limit}. */
    static List<PlaintextChain.Chained> chained(Trail trail, long after, @Nullable Long last, int limit) {
        return trail.jdbc()
                .sql("select " + PlaintextChain.COLUMNS + " from audit_entry where " + trail.key() + " = ? and seq > ?"
                        + (last == null ? "" : " and seq <= " + last) + " order by seq limit " + limit)
                .params(trail.id(), after)
                .query(PlaintextChain.Chained::read)
                .list();
    }

    /** The last entry's seq on the trail, 0 when it has none. */
    static long lastSeq(Trail trail) {
        return trail.jdbc()
                .sql("select max(seq) from audit_entry where " + trail.key() + " = ?")
                .param(trail.id())
                .query((rs, row) -> rs.getLong(1))
                .single();
    }

    static Optional<Long> lastSeqBefore(Trail trail, Instant cutoff) {
        return trail.jdbc()
                .sql("select max(seq) from audit_entry where " + trail.key() + " = ? and occurred_at < ?")
                .params(trail.id(), Timestamp.from(cutoff))
                .query(Long.class)
                .optional();
    }

    static Optional<Long> firstSeqAbove(Trail trail, long seq) {
        return trail.jdbc()
                .sql("select min(seq) from audit_entry where " + trail.key() + " = ? and seq > ?")
                .params(trail.id(), seq)
                .query(Long.class)
                .optional();
    }

    static Optional<Long> firstSeqBelow(Trail trail, long seq) {
        return trail.jdbc()
                .sql("select min(seq) from audit_entry where " + trail.key() + " = ? and seq < ?")
                .params(trail.id(), seq)
                .query(Long.class)
                .optional();
    }

    static Optional<Long> firstSeqOfVersionBelow(Trail trail, int version) {
        return trail.jdbc()
                .sql("select min(seq) from audit_entry where " + trail.key() + " = ? and chain_version < ?")
                .params(trail.id(), version)
                .query(Long.class)
                .optional();
    }

    static long count(Trail trail) {
        Long count = trail.jdbc()
                .sql("select count(*) from audit_entry where " + trail.key() + " = ?")
                .param(trail.id())
                .query(Long.class)
                .single();
        return count == null ? 0 : count;
    }

    static String hashOf(Trail trail, long seq) {
        return trail.jdbc()
                .sql("select hash from audit_entry where " + trail.key() + " = ? and seq = ?")
                .params(trail.id(), seq)
                .query(String.class)
                .single();
    }

    static int deleteUpTo(Trail trail, long seq) {
        return trail.jdbc()
                .sql("delete from audit_entry where " + trail.key() + " = ? and seq <= ?")
                .params(trail.id(), seq)
                .update();
    }

    /** The seqs of the entries after {@code after}, in order, at most {@code limit}. */
    static List<Long> seqsAfter(Trail trail, long after, int limit) {
        return trail.jdbc()
                .sql("select seq from audit_entry where " + trail.key() + " = ? and seq > ? order by seq limit ?")
                .params(trail.id(), after, limit)
                .query(Long.class)
                .list();
    }

    static Optional<Integer> chainVersion(Trail trail, long seq) {
        return trail.jdbc()
                .sql("select chain_version from audit_entry where " + trail.key() + " = ? and seq = ?")
                .params(trail.id(), seq)
                .query(Integer.class)
                .optional();
    }

    /** What an entry stores in one of its encrypted columns (empty: no such entry, or the column is null). */
    static Optional<String> stored(Trail trail, EncryptedColumn column, long seq) {
        // Names come from the declarations above, never from input.
        List<String> found = trail.jdbc()
                .sql("select " + column.name() + " from audit_entry where " + trail.key() + " = ? and seq = ?")
                .params(trail.id(), seq)
                .query((row, n) -> row.getString(1))
                .list();
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable(found.get(0));
    }

    /** Replaces a stored ciphertext if it is still the one read (compare-and-set); whether it was. */
    static boolean swap(Trail trail, EncryptedColumn column, long seq, String stored, String fresh) {
        return trail.jdbc()
                        .sql("update audit_entry set " + column.name() + " = ? where " + trail.key()
                                + " = ? and seq = ? and " + column.name() + " = ?")
                        .params(fresh, trail.id(), seq, stored)
                        .update()
                == 1;
    }

    /** The entries a filter selects, between the bounds given, in the order given, at most {@code limit}. */
    static List<StoredEntry> select(
            Trail trail,
            AuditFilter filter,
            @Nullable Long before,
            @Nullable Long after,
            @Nullable Long upTo,
            String order,
            int limit) {
        StringBuilder sql =
                new StringBuilder("select " + StoredEntry.COLUMNS + " from audit_entry where " + trail.key() + " = ?");
        List<Object> params = new ArrayList<>();
        params.add(trail.id());
        if (before != null) {
            sql.append(" and seq < ?");
            params.add(before);
        }
        if (after != null) {
            sql.append(" and seq > ?");
            params.add(after);
        }
        if (upTo != null) {
            sql.append(" and seq <= ?");
            params.add(upTo);
        }
        if (filter.actorId() != null) {
            sql.append(" and actor_id = ?");
            params.add(filter.actorId());
        }
        if (filter.action() != null) {
            sql.append(" and action = ?");
            params.add(filter.action());
        }
        if (filter.targetKind() != null) {
            sql.append(" and target_kind = ?");
            params.add(filter.targetKind());
        }
        if (filter.targetId() != null) {
            sql.append(" and target_id = ?");
            params.add(filter.targetId());
        }
        if (filter.outcome() != null) {
            sql.append(" and outcome = ?");
            params.add(filter.outcome().name());
        }
        if (filter.from() != null) {
            sql.append(" and occurred_at >= ?");
            params.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" and occurred_at < ?");
            params.add(Timestamp.from(filter.to()));
        }
        sql.append(" order by seq ").append(order).append(" limit ").append(limit);
        return trail.jdbc()
                .sql(sql.toString())
                .params(params)
                .query(StoredEntry::read)
                .list();
    }

    // --- the seals

    static void insertSeal(Trail trail, Seals.Seal seal) {
        trail.jdbc()
                .sql("insert into audit_seal (" + trail.key() + ", kind, seq, hash, sealed_at, signature)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(
                        trail.id(),
                        seal.kind().name(),
                        seal.seq(),
                        seal.hash(),
                        Timestamp.from(seal.sealedAt()),
                        seal.signature())
                .update();
    }

    /** The trail's seals of a kind, oldest first. */
    static List<Seals.Seal> seals(Trail trail, Seals.Kind kind) {
        return trail.jdbc()
                .sql("select kind, seq, hash, sealed_at, signature from audit_seal where " + trail.key()
                        + " = ? and kind = ? order by seq")
                .params(trail.id(), kind.name())
                .query((row, n) -> new Seals.Seal(
                        Seals.Kind.valueOf(row.getString(1)),
                        row.getLong(2),
                        row.getString(3),
                        row.getTimestamp(4).toInstant(),
                        row.getString(5)))
                .list();
    }

    static void reseal(Trail trail, Seals.Seal resealed) {
        trail.jdbc()
                .sql("update audit_seal set hash = ?, signature = ? where " + trail.key()
                        + " = ? and kind = ? and seq = ?")
                .params(
                        resealed.hash(),
                        resealed.signature(),
                        trail.id(),
                        resealed.kind().name(),
                        resealed.seq())
                .update();
    }

    static void deleteSealsUpTo(Trail trail, long seq) {
        trail.jdbc()
                .sql("delete from audit_seal where " + trail.key() + " = ? and seq <= ? and kind = ?")
                .params(trail.id(), seq, Seals.Kind.SEAL.name())
                .update();
        trail.jdbc()
                .sql("delete from audit_seal where " + trail.key() + " = ? and seq < ? and kind = ?")
                .params(trail.id(), seq, Seals.Kind.CHECKPOINT.name())
                .update();
    }

    private static Object nullable(@Nullable String value) {
        return value == null ? new SqlParameterValue(Types.VARCHAR, null) : value;
    }
}
