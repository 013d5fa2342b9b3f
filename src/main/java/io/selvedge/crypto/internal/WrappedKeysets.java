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
import lombok.RequiredArgsConstructor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code crypto_key_owner} and {@code crypto_keyset} tables of every store. A row changes only by
 * compare-and-set on its revision, so each swap is atomic and never undoes a concurrent one.
 */
@Component
@RequiredArgsConstructor
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
    private final Map<StoreId, JdbcClient> clients = new ConcurrentHashMap<>();

    /** Records a new owner as active; false if the owner exists (or existed) already. */
    boolean addOwner(StoreId store, UUID ownerId) {
        try {
            jdbc(store)
                    .sql("insert into crypto_key_owner (owner_id, state, created_at) values (?, ?, ?)")
                    .params(ownerId, KeyStatus.State.ACTIVE.name(), now())
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    KeyStatus status(StoreId store, UUID ownerId) {
        return jdbc(store)
                .sql("select state, destroy_after, destroyed_at from crypto_key_owner where owner_id = ?")
                .param(ownerId)
                .query((rs, n) -> new KeyStatus(
                        ownerId,
                        KeyStatus.State.valueOf(rs.getString("state")),
                        instant(rs.getTimestamp("destroy_after")),
                        instant(rs.getTimestamp("destroyed_at"))))
                .optional()
                .orElse(new KeyStatus(ownerId, KeyStatus.State.NONE, null, null));
    }

    /** Moves an owner from one state to another; false if it was not in {@code from}. */
    boolean changeState(StoreId store, UUID ownerId, KeyStatus.State from, KeyStatus.State to, Instant destroyAfter) {
        return jdbc(store)
                        .sql("update crypto_key_owner set state = ?, destroy_after = ?, destroyed_at = ? where"
                                + " owner_id = ? and state = ?")
                        .params(
                                to.name(),
                                destroyAfter == null ? null : Timestamp.from(destroyAfter),
                                to == KeyStatus.State.DESTROYED ? now() : null,
                                ownerId,
                                from.name())
                        .update()
                == 1;
    }

    /** The owners of a store whose destruction is due at {@code now}. */
    List<UUID> destructionDue(StoreId store, Instant now) {
        return jdbc(store)
                .sql("select owner_id from crypto_key_owner where state = ? and destroy_after <= ?")
                .params(KeyStatus.State.DESTRUCTION_SCHEDULED.name(), Timestamp.from(now))
                .query(UUID.class)
                .list();
    }

    /** Owners marked destroyed whose keysets are still stored (a destruction that stopped half-way). */
    List<UUID> destroyedWithRemains(StoreId store) {
        return jdbc(store)
                .sql("select o.owner_id from crypto_key_owner o where o.state = ? and exists (select 1 from"
                        + " crypto_keyset k where k.owner_id = o.owner_id)")
                .param(KeyStatus.State.DESTROYED.name())
                .query(UUID.class)
                .list();
    }

    void insert(StoreId store, UUID ownerId, Purpose purpose, String kekName, byte[] wrapped) {
        jdbc(store)
                .sql("insert into crypto_keyset (owner_id, purpose, kek_name, wrapped, revision, updated_at)"
                        + " values (?, ?, ?, ?, 1, ?)")
                .params(ownerId, purpose.column(), kekName, wrapped, now())
                .update();
    }

    Optional<Row> find(StoreId store, UUID ownerId, Purpose purpose) {
        return jdbc(store)
                .sql("select owner_id, purpose, kek_name, wrapped, revision from crypto_keyset where owner_id = ?"
                        + " and purpose = ?")
                .params(ownerId, purpose.column())
                .query(ROW)
                .optional();
    }

    /** Replaces a row's wrapped keyset if the row is still at {@code row.revision()}. */
    boolean swap(StoreId store, Row row, String kekName, byte[] wrapped) {
        return jdbc(store)
                        .sql("update crypto_keyset set kek_name = ?, wrapped = ?, revision = revision + 1,"
                                + " updated_at = ? where owner_id = ? and purpose = ? and revision = ?")
                        .params(
                                kekName,
                                wrapped,
                                now(),
                                row.ownerId(),
                                row.purpose().column(),
                                row.revision())
                        .update()
                == 1;
    }

    /** Up to {@code limit} rows wrapped under another key-encrypting key than {@code kekName}. */
    List<Row> wrappedUnderOtherThan(StoreId store, String kekName, int limit) {
        return jdbc(store)
                .sql("select owner_id, purpose, kek_name, wrapped, revision from crypto_keyset where kek_name <> ?"
                        + " order by owner_id, purpose limit ?")
                .params(kekName, limit)
                .query(ROW)
                .list();
    }

    int countWrappedUnder(StoreId store, String kekName) {
        return jdbc(store)
                .sql("select count(*) from crypto_keyset where kek_name = ?")
                .param(kekName)
                .query(Integer.class)
                .single();
    }

    /** The kek name of each stored keyset of the owner, by purpose column, in purpose order. */
    Map<String, String> keksOf(StoreId store, UUID ownerId) {
        Map<String, String> keks = new TreeMap<>();
        jdbc(store)
                .sql("select purpose, kek_name from crypto_keyset where owner_id = ?")
                .param(ownerId)
                .query(rs -> {
                    keks.put(rs.getString("purpose"), rs.getString("kek_name"));
                });
        return keks;
    }

    /** The owner's rows in a store: its owner row and its keysets, by table name; only tables with any. */
    Map<String, Long> rowsOf(StoreId store, UUID ownerId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : List.of("crypto_key_owner", "crypto_keyset")) {
            long count = jdbc(store)
                    .sql("select count(*) from " + table + " where owner_id = ?")
                    .param(ownerId)
                    .query(Long.class)
                    .single();
            if (count > 0) {
                rows.put(table, count);
            }
        }
        return rows;
    }

    void deleteKeysets(StoreId store, UUID ownerId) {
        jdbc(store)
                .sql("delete from crypto_keyset where owner_id = ?")
                .param(ownerId)
                .update();
    }

    /** Runs the work in one transaction of the store's database. */
    void inTransaction(StoreId store, Runnable work) {
        new TransactionTemplate(new DataSourceTransactionManager(storeOf(store).dataSource()))
                .executeWithoutResult(status -> work.run());
    }

    private JdbcClient jdbc(StoreId id) {
        return clients.computeIfAbsent(id, key -> JdbcClient.create(storeOf(key).dataSource()));
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
