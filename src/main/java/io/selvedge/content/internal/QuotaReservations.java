package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.ContentTooLargeException;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Room in a group's quota, reserved before an upload streams in, so that uploads that each fit cannot
 * land together past the quota. A reservation is taken under the lock of the group's usage row, against
 * what the versions take and what the other live reservations hold; it ends in the transaction that
 * records its version ({@link #consume}), or is released when the upload fails. One left by a crash lapses
 * at its expiry.
 */
@Component
class QuotaReservations {

    private final GroupDataPlanes planes;
    private final ContentProperties properties;
    private final Clock clock;
    private final GroupWrites writes;

    QuotaReservations(GroupWrites writes, GroupDataPlanes planes, ContentProperties properties, Clock clock) {
        this.writes = writes;
        this.planes = planes;
        this.properties = properties;
        this.clock = clock;
    }

    /** Room held for one upload: at most {@code bytes} may stream in under it. */
    record Reservation(UUID id, UUID groupId, long bytes) {}

    /**
     * Reserves {@code declaredLength} bytes, or, when the length is not known (negative), all the upload
     * may take: the per-file limit or what is left of the quota, whichever is less.
     *
     * @throws ContentTooLargeException past the per-file limit, or if the quota has no room for it
     */
    Reservation reserve(UUID groupId, UUID id, long declaredLength, Instant expiresAt) {
        long perFile = properties.maxFileSize().toBytes();
        if (declaredLength > perFile) {
            throw new ContentTooLargeException("A file may hold at most " + properties.maxFileSize() + ".");
        }
        GroupDataPlane plane = planes.of(groupId);
        ensureUsageRow(plane);
        return writes.write(groupId, tx -> {
            JdbcClient jdbc = plane.jdbc();
            // Reservations of the group are made one at a time: each sees those made before it.
            jdbc.sql("select group_id from content_usage where group_id = ? for update")
                    .param(groupId)
                    .query(UUID.class)
                    .single();
            long left = properties.groupQuota().toBytes() - used(jdbc, groupId) - reserved(jdbc, groupId);
            if (declaredLength > left || left <= 0) {
                throw new ContentTooLargeException(
                        "The group's storage quota of " + properties.groupQuota() + " is used up.");
            }
            long bytes = declaredLength >= 0 ? declaredLength : Math.min(perFile, left);
            jdbc.sql("insert into content_reservation (id, group_id, bytes, expires_at) values (?, ?, ?, ?)")
                    .params(id, groupId, bytes, Timestamp.from(expiresAt))
                    .update();
            return new Reservation(id, groupId, bytes);
        });
    }

    /** Gives the room back (the upload failed or was ended). */
    void release(UUID groupId, UUID id) {
        consume(planes.of(groupId).jdbc(), id);
    }

    /** Ends a reservation in the caller's transaction: the version it became now counts instead. */
    static void consume(JdbcClient jdbc, UUID id) {
        jdbc.sql("delete from content_reservation where id = ?").param(id).update();
    }

    /** Keeps a resumable upload's room while the upload lives, in the caller's transaction. */
    static void extend(JdbcClient jdbc, UUID id, Instant expiresAt) {
        jdbc.sql("update content_reservation set expires_at = ? where id = ?")
                .params(Timestamp.from(expiresAt), id)
                .update();
    }

    /** Drops the reservations of the group's region that lapsed (left by a crash); returns how many. */
    static int dropLapsed(JdbcClient jdbc, Instant now) {
        return jdbc.sql("delete from content_reservation where expires_at < ?")
                .param(Timestamp.from(now))
                .update();
    }

    /** What the group's versions take together. */
    static long used(JdbcClient jdbc, UUID groupId) {
        Long sum = jdbc.sql("select coalesce(sum(size_bytes), 0) from content_version where group_id = ?")
                .param(groupId)
                .query(Long.class)
                .single();
        return sum == null ? 0 : sum;
    }

    private long reserved(JdbcClient jdbc, UUID groupId) {
        Long sum = jdbc.sql("select coalesce(sum(bytes), 0) from content_reservation where group_id = ?"
                        + " and expires_at >= ?")
                .params(groupId, Timestamp.from(clock.instant()))
                .query(Long.class)
                .single();
        return sum == null ? 0 : sum;
    }

    private static void ensureUsageRow(GroupDataPlane plane) {
        JdbcClient jdbc = plane.jdbc();
        boolean present = jdbc.sql("select count(*) from content_usage where group_id = ?")
                        .param(plane.groupId())
                        .query(Integer.class)
                        .single()
                > 0;
        if (!present) {
            try {
                jdbc.sql("insert into content_usage (group_id) values (?)")
                        .param(plane.groupId())
                        .update();
            } catch (DuplicateKeyException e) {
                // another upload made it first
            }
        }
    }
}
