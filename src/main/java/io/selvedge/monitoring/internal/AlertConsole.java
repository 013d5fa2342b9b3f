package io.selvedge.monitoring.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.PageCursor;
import io.selvedge.platform.Refusal;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the consoles read: the staff's view of every alert (the installation's, and every group's in every
 * region: what a signal carries, never customer content), and a group admin's view of the group's alerts.
 * Lists are newest first and paged by the position of the last shown alert.
 */
@Service
class AlertConsole {

    private static final Comparator<AlertRows.Row> NEWEST_FIRST = Comparator.comparing(AlertRows.Row::firstSeen)
            .thenComparing(row -> row.id().toString())
            .reversed();

    private final Stores stores;
    private final GroupDataPlanes planes;
    private final AlertRows rows;
    private final AlertSeals seals;

    AlertConsole(Stores stores, GroupDataPlanes planes, AlertRows rows, FieldCiphers ciphers) {
        this.stores = stores;
        this.planes = planes;
        this.rows = rows;
        this.seals = new AlertSeals(ciphers);
    }

    /** An alert with its timeline. */
    record Detailed(Alert alert, List<Alert.Step> timeline) {}

    /** A page of alerts, and the cursor of the next one (null on the last). */
    record Page(List<Alert> items, @Nullable String nextCursor) {}

    /** Every alert of the installation and of every group, for staff. */
    Page everyAlert(AlertRows.Filter filter, int limit, @Nullable String cursor) {
        List<JdbcClient> all = stores.all().stream()
                .map(Store::dataSource)
                .map(JdbcClient::create)
                .toList();
        return page(all, null, filter, limit, cursor);
    }

    /** The group's alerts, for its admins. */
    Page alertsOf(UUID groupId, AlertRows.Filter filter, int limit, @Nullable String cursor) {
        return page(List.of(planes.of(groupId).jdbc()), groupId, filter, limit, cursor);
    }

    /** Any alert by id, for staff: where it is (its group, if any) and what it says. */
    Optional<Detailed> anyAlert(UUID id) {
        for (Store store : stores.all()) {
            JdbcClient jdbc = JdbcClient.create(store.dataSource());
            Optional<AlertRows.Row> row = rows.findAny(jdbc, id);
            if (row.isPresent()) {
                return Optional.of(new Detailed(seals.open(row.get()), rows.timeline(jdbc, id)));
            }
        }
        return Optional.empty();
    }

    /** The group's alert by id; empty for an alert of another group or none. */
    Optional<Detailed> alertOf(UUID groupId, UUID id) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        return rows.find(jdbc, groupId, id).map(row -> new Detailed(seals.open(row), rows.timeline(jdbc, id)));
    }

    /** The timeline of an alert the console shows, oldest step first. */
    List<Alert.Step> timelineOf(Alert alert) {
        JdbcClient jdbc = alert.groupId() == null
                ? JdbcClient.create(stores.global().dataSource())
                : planes.of(alert.groupId()).jdbc();
        return rows.timeline(jdbc, alert.id());
    }

    private Page page(
            List<JdbcClient> stores,
            @Nullable UUID groupId,
            AlertRows.Filter filter,
            int limit,
            @Nullable String cursor) {
        if (limit < 1 || limit > 200) {
            throw new Refusal.Invalid("The limit is 1 to 200.");
        }
        AlertRows.Position after = cursor == null ? null : position(cursor);
        List<AlertRows.Row> found = new ArrayList<>();
        stores.forEach(jdbc -> found.addAll(rows.page(jdbc, groupId, filter, after, limit + 1)));
        found.sort(NEWEST_FIRST);
        List<AlertRows.Row> shown = found.subList(0, Math.min(limit, found.size()));
        String next = found.size() > limit ? cursorOf(shown.get(shown.size() - 1)) : null;
        return new Page(shown.stream().map(seals::open).toList(), next);
    }

    private static String cursorOf(AlertRows.Row row) {
        return PageCursor.of(row.firstSeen() + " " + row.id());
    }

    private static AlertRows.Position position(String cursor) {
        String[] key = PageCursor.key(cursor).split(" ", -1);
        try {
            if (key.length == 2) {
                return new AlertRows.Position(Instant.parse(key[0]), UUID.fromString(key[1]));
            }
        } catch (DateTimeParseException | IllegalArgumentException malformed) {
            // refused below
        }
        throw new io.selvedge.platform.InvalidCursorException();
    }
}
