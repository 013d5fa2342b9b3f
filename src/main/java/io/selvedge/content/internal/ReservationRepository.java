package io.selvedge.content.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the quota's reservations ({@code content_reservation}) and of the group's usage row
 * ({@code content_usage}, whose lock orders the reservations of a group). Each method runs on the
 * {@link JdbcClient} it is given.
 */
@Component
final class ReservationRepository {

    /** Makes the group's usage row if it has none yet; one that a concurrent upload made first stays. */
    void ensureUsageRow(JdbcClient jdbc, UUID groupId) {
        boolean present = jdbc.sql("select count(*) from content_usage where group_id = ?")
                        .param(groupId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!present) {
            try {
                jdbc.sql("insert into content_usage (group_id) values (?)")
                        .param(groupId)
                        .update();
            } catch (DuplicateKeyException e) {
                // another upload made it first
            }
        }
    }

    /** Locks the group's usage row for the transaction, so its reservations are made one at a time. */
    void lockUsage(JdbcClient jdbc, UUID groupId) {
        jdbc.sql("select group_id from content_usage where group_id = ? for update")
                .param(groupId)
                .query(UUID.class)
                .single();
    }

    /** What the group's live reservations hold together. */
    long reserved(JdbcClient jdbc, UUID groupId, Instant now) {
        Long sum = jdbc.sql("select coalesce(sum(bytes), 0) from content_reservation where group_id = ?"
                        + " and expires_at >= ?")
                .params(groupId, Timestamp.from(now))
                .query(Long.class)
                .single();
        return sum == null ? 0 : sum;
    }

    void insert(JdbcClient jdbc, UUID id, UUID groupId, long bytes, Instant expiresAt) {
        jdbc.sql("insert into content_reservation (id, group_id, bytes, expires_at) values (?, ?, ?, ?)")
                .params(id, groupId, bytes, Timestamp.from(expiresAt))
                .update();
    }

    void delete(JdbcClient jdbc, UUID id) {
        jdbc.sql("delete from content_reservation where id = ?").param(id).update();
    }

    void extend(JdbcClient jdbc, UUID id, Instant expiresAt) {
        jdbc.sql("update content_reservation set expires_at = ? where id = ?")
                .params(Timestamp.from(expiresAt), id)
                .update();
    }

    /** Drops the reservations of a region's store that lapsed; returns how many. */
    int deleteLapsed(JdbcClient jdbc, Instant now) {
        return jdbc.sql("delete from content_reservation where expires_at < ?")
                .param(Timestamp.from(now))
                .update();
    }
}
