package io.selvedge.storage.internal;

import io.selvedge.storage.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.EventPublication.Status;

/**
 * One store's {@code event_publication} table (the outbox). Its client joins a transaction open on the
 * store's data source, so a publication written while the store's transaction is open commits or rolls
 * back with it. Rows carry the event serialised (and encrypted) by the outbox's serialiser.
 */
final class OutboxTable {

    /** A row as stored; the event is deserialised by the caller. */
    record Row(
            UUID id,
            String listenerId,
            String eventType,
            String serializedEvent,
            @Nullable UUID groupId,
            Instant publicationDate,
            @Nullable Instant completionDate,
            Status status,
            int completionAttempts,
            @Nullable Instant lastResubmissionDate) {}

    private static final String COLUMNS = "select id, listener_id, event_type, serialized_event, publication_date,"
            + " completion_date, status, completion_attempts, last_resubmission_date, group_id from event_publication";

    private final StoreId store;
    private final DataSource dataSource;
    private final JdbcClient jdbc;

    OutboxTable(StoreId store, DataSource dataSource) {
        this.store = store;
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
    }

    StoreId store() {
        return store;
    }

    DataSource dataSource() {
        return dataSource;
    }

    void insert(
            UUID id,
            String listenerId,
            String eventType,
            String serializedEvent,
            @Nullable UUID groupId,
            Instant publicationDate,
            int completionAttempts) {
        jdbc.sql("insert into event_publication (id, listener_id, event_type, serialized_event, group_id,"
                        + " publication_date, status, completion_attempts) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        listenerId,
                        eventType,
                        serializedEvent,
                        groupId,
                        Timestamp.from(publicationDate),
                        Status.PUBLISHED.name(),
                        completionAttempts)
                .update();
    }

    /** A delivered publication is deleted: the outbox keeps no copy of an event once it is delivered. */
    boolean complete(UUID id) {
        return jdbc.sql("delete from event_publication where id = ?").param(id).update() > 0;
    }

    boolean markStatus(UUID id, Status status) {
        return jdbc.sql("update event_publication set status = ? where id = ? and (status is null or status <> ?)")
                        .params(status.name(), id, status.name())
                        .update()
                > 0;
    }

    boolean markResubmitted(UUID id, Instant when) {
        return jdbc.sql(
                                "update event_publication set status = ?, completion_attempts = coalesce(completion_attempts, 0) + 1,"
                                        + " last_resubmission_date = ? where id = ? and (status is null or status <> ?)")
                        .params(Status.RESUBMITTED.name(), Timestamp.from(when), id, Status.RESUBMITTED.name())
                        .update()
                > 0;
    }

    List<Row> incomplete() {
        return jdbc.sql(COLUMNS + " where completion_date is null order by publication_date")
                .query(OutboxTable::read)
                .list();
    }

    List<Row> incompleteBefore(Instant instant) {
        return jdbc.sql(COLUMNS + " where (completion_date is null or status = ?) and publication_date < ?"
                        + " order by publication_date")
                .params(Status.PROCESSING.name(), Timestamp.from(instant))
                .query(OutboxTable::read)
                .list();
    }

    List<Row> incompleteOf(String listenerId) {
        return jdbc.sql(COLUMNS + " where listener_id = ? and (completion_date is null or status = ?)"
                        + " order by publication_date")
                .params(listenerId, Status.FAILED.name())
                .query(OutboxTable::read)
                .list();
    }

    List<Row> completed() {
        return jdbc.sql(COLUMNS + " where completion_date is not null")
                .query(OutboxTable::read)
                .list();
    }

    List<Row> withStatus(Status status) {
        return jdbc.sql(COLUMNS + " where status = ? order by publication_date")
                .param(status.name())
                .query(OutboxTable::read)
                .list();
    }

    List<Row> failedBefore(@Nullable Instant before, long limit) {
        String sql = COLUMNS + " where status = ?" + (before == null ? "" : " and publication_date < ?")
                + " order by publication_date";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param(Status.FAILED.name());
        if (before != null) {
            statement = statement.param(Timestamp.from(before));
        }
        return statement.query(OutboxTable::read).list().stream().limit(limit).toList();
    }

    int countWithStatus(Status status) {
        return jdbc.sql("select count(*) from event_publication where status = ?")
                .param(status.name())
                .query(Integer.class)
                .single();
    }

    void delete(Collection<UUID> ids) {
        for (UUID id : ids) {
            jdbc.sql("delete from event_publication where id = ?").param(id).update();
        }
    }

    void deleteCompleted() {
        jdbc.sql("delete from event_publication where completion_date is not null")
                .update();
    }

    void deleteCompletedBefore(Instant instant) {
        jdbc.sql("delete from event_publication where completion_date < ?")
                .param(Timestamp.from(instant))
                .update();
    }

    long countOfGroup(UUID groupId) {
        return jdbc.sql("select count(*) from event_publication where group_id = ?")
                .param(groupId)
                .query(Long.class)
                .single();
    }

    private static Row read(ResultSet row, int n) throws SQLException {
        Timestamp completion = row.getTimestamp(6);
        Timestamp resubmission = row.getTimestamp(9);
        String status = row.getString(7);
        return new Row(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getObject(10, UUID.class),
                row.getTimestamp(5).toInstant(),
                completion == null ? null : completion.toInstant(),
                status == null ? (completion == null ? Status.PUBLISHED : Status.COMPLETED) : Status.valueOf(status),
                row.getInt(8),
                resubmission == null ? null : resubmission.toInstant());
    }
}
