package io.selvedge.crypto.internal;

import io.selvedge.crypto.KeyStatus;
import io.selvedge.storage.Store;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.StoreKind;
import io.selvedge.storage.Stores;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code crypto_key_owner} and {@code crypto_keyset} tables of every store. A row changes only by
 * compare-and-set on its revision, so each swap is atomic and never undoes a concurrent one.
 */
@Component
class WrappedKeysets {

    record Row(UUID ownerId, Purpose purpose, String kekName, byte[] wrapped, long revision) {}

    private static final RowMapper<Row> ROW = (rs, n) -> new Row(
            rs.getObject("owner_id", UUID.class),
            Purpose.of(rs.getString("purpose")),
            rs.getString("kek_name"),
            rs.getBytes("wrapped"),
            rs.getLong("revision"));

    private final Stores stores;
    private final Clock clock;
    private final Map<StoreId, JdbcTemplate> templates = new ConcurrentHashMap<>();

    WrappedKeysets(Stores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    /** Records a new owner as active; false if the owner exists (or existed) already. */
    boolean addOwner(StoreId store, UUID ownerId) {
        try {
            jdbc(store)
                    .update(
                            "insert into crypto_key_owner (owner_id, state, created_at) values (?, ?, ?)",
                            ownerId,
                            KeyStatus.State.ACTIVE.name(),
                            now());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    KeyStatus status(StoreId store, UUID ownerId) {
        return jdbc(store)
                .query(
                        "select state, destroy_after, destroyed_at from crypto_key_owner where owner_id = ?",
                        (rs, n) -> new KeyStatus(
                                ownerId,
                                KeyStatus.State.valueOf(rs.getString("state")),
                                instant(rs.getTimestamp("destroy_after")),
                                instant(rs.getTimestamp("destroyed_at"))),
                        ownerId)
                .stream()
                .findFirst()
                .orElse(new KeyStatus(ownerId, KeyStatus.State.NONE, null, null));
    }

    /** Moves an owner from one state to another; false if it was not in {@code from}. */
    boolean changeState(StoreId store, UUID ownerId, KeyStatus.State from, KeyStatus.State to, Instant destroyAfter) {
        return jdbc(store)
                        .update(
                                "update crypto_key_owner set state = ?, destroy_after = ?, destroyed_at = ? where"
                                        + " owner_id = ? and state = ?",
                                to.name(),
                                destroyAfter == null ? null : Timestamp.from(destroyAfter),
                                to == KeyStatus.State.DESTROYED ? now() : null,
                                ownerId,
                                from.name())
                == 1;
    }

    /** The owners of a store whose destruction is due at {@code now}. */
    List<UUID> destructionDue(StoreId store, Instant now) {
        return jdbc(store)
                .queryForList(
                        "select owner_id from crypto_key_owner where state = ? and destroy_after <= ?",
                        UUID.class,
                        KeyStatus.State.DESTRUCTION_SCHEDULED.name(),
                        Timestamp.from(now));
    }

    /** Owners marked destroyed whose keysets are still stored (a destruction that stopped half-way). */
    List<UUID> destroyedWithRemains(StoreId store) {
        return jdbc(store)
                .queryForList(
                        "select o.owner_id from crypto_key_owner o where o.state = ? and exists (select 1 from"
                                + " crypto_keyset k where k.owner_id = o.owner_id)",
                        UUID.class,
                        KeyStatus.State.DESTROYED.name());
    }

    void insert(StoreId store, UUID ownerId, Purpose purpose, String kekName, byte[] wrapped) {
        jdbc(store)
                .update(
                        "insert into crypto_keyset (owner_id, purpose, kek_name, wrapped, revision, updated_at)"
                                + " values (?, ?, ?, ?, 1, ?)",
                        ownerId,
                        purpose.column(),
                        kekName,
                        wrapped,
                        now());
    }

    Optional<Row> find(StoreId store, UUID ownerId, Purpose purpose) {
        return jdbc(store)
                .query(
                        "select owner_id, purpose, kek_name, wrapped, revision from crypto_keyset where owner_id = ?"
                                + " and purpose = ?",
                        ROW,
                        ownerId,
                        purpose.column())
                .stream()
                .findFirst();
    }

    /** Replaces a row's wrapped keyset if the row is still at {@code row.revision()}. */
    boolean swap(StoreId store, Row row, String kekName, byte[] wrapped) {
        return jdbc(store)
                        .update(
                                "update crypto_keyset set kek_name = ?, wrapped = ?, revision = revision + 1,"
                                        + " updated_at = ? where owner_id = ? and purpose = ? and revision = ?",
                                kekName,
                                wrapped,
                                now(),
                                row.ownerId(),
                                row.purpose().column(),
                                row.revision())
                == 1;
    }

    /** Up to {@code limit} rows wrapped under another key-encrypting key than {@code kekName}. */
    List<Row> wrappedUnderOtherThan(StoreId store, String kekName, int limit) {
        return jdbc(store)
                .query(
                        "select owner_id, purpose, kek_name, wrapped, revision from crypto_keyset where kek_name <> ?"
                                + " order by owner_id, purpose limit ?",
                        ROW,
                        kekName,
                        limit);
    }

    int countWrappedUnder(StoreId store, String kekName) {
        Integer count = jdbc(store)
                .queryForObject("select count(*) from crypto_keyset where kek_name = ?", Integer.class, kekName);
        return count == null ? 0 : count;
    }

    /** The kek name of each stored keyset of the owner, by purpose column, in purpose order. */
    Map<String, String> keksOf(StoreId store, UUID ownerId) {
        Map<String, String> keks = new TreeMap<>();
        jdbc(store)
                .query(
                        "select purpose, kek_name from crypto_keyset where owner_id = ?",
                        (RowCallbackHandler) rs -> keks.put(rs.getString("purpose"), rs.getString("kek_name")),
                        ownerId);
        return keks;
    }

    /** The owner's rows in a store: its owner row and its keysets, by table name; only tables with any. */
    Map<String, Long> rowsOf(StoreId store, UUID ownerId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("crypto_key_owner", "crypto_keyset")) {
            Long count = jdbc(store)
                    .queryForObject("select count(*) from " + table + " where owner_id = ?", Long.class, ownerId);
            if (count != null && count > 0) {
                rows.put(table, count);
            }
        }
        return rows;
    }

    void deleteKeysets(StoreId store, UUID ownerId) {
        jdbc(store).update("delete from crypto_keyset where owner_id = ?", ownerId);
    }

    /** Runs the work in one transaction of the store's database. */
    void inTransaction(StoreId store, Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(storeOf(store).dataSource()))
                .executeWithoutResult(status -> work.run());
    }

    private JdbcTemplate jdbc(StoreId id) {
        return templates.computeIfAbsent(
                id, key -> new JdbcTemplate(storeOf(key).dataSource()));
    }

    private Store storeOf(StoreId id) {
        return id.kind() == StoreKind.GLOBAL ? stores.global() : stores.region(id.region());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
