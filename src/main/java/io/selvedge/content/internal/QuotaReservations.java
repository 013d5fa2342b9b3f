package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.content.ContentTooLargeException;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.GroupWrites;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
class QuotaReservations {

    private final GroupDataPlanes planes;
    private final ContentProperties properties;
    private final Clock clock;
    private final GroupWrites writes;
    private final ReservationRepository reservations;
    private final VersionRepository versions;

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
        reservations.ensureUsageRow(plane.jdbc(), plane.groupId());
        return writes.write(groupId, tx -> {
            JdbcClient jdbc = plane.jdbc();
            // Reservations of the group are made one at a time: each sees those made before it.
            reservations.lockUsage(jdbc, groupId);
            long left = properties.groupQuota().toBytes()
                    - versions.bytesOf(jdbc, groupId)
                    - reservations.reserved(jdbc, groupId, clock.instant());
            if (declaredLength > left || left <= 0) {
                throw new ContentTooLargeException(
                        "The group's storage quota of " + properties.groupQuota() + " is used up.");
            }
            long bytes = declaredLength >= 0 ? declaredLength : Math.min(perFile, left);
            reservations.insert(jdbc, id, groupId, bytes, expiresAt);
            return new Reservation(id, groupId, bytes);
        });
    }

    /** Gives the room back (the upload failed or was ended). */
    void release(UUID groupId, UUID id) {
        consume(planes.of(groupId).jdbc(), id);
    }

    /** Ends a reservation in the caller's transaction: the version it became now counts instead. */
    void consume(JdbcClient jdbc, UUID id) {
        reservations.delete(jdbc, id);
    }

    /** Keeps a resumable upload's room while the upload lives, in the caller's transaction. */
    void extend(JdbcClient jdbc, UUID id, Instant expiresAt) {
        reservations.extend(jdbc, id, expiresAt);
    }

    /** Drops the reservations of the group's region that lapsed (left by a crash); returns how many. */
    int dropLapsed(JdbcClient jdbc, Instant now) {
        return reservations.deleteLapsed(jdbc, now);
    }
}
