package io.selvedge.monitoring.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.monitoring.AlertCategory;
import io.selvedge.monitoring.AlertSeverity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code monitoring_alert} and {@code monitoring_alert_timeline} tables, alike in the global store (the
 * installation's alerts, {@code group_id} null) and in each region (its groups' alerts). Every method takes
 * the store's client and runs in the caller's transaction; a null group means the installation's rows.
 */
@Repository
class AlertRows {

    static final EncryptedTable TABLE = EncryptedTable.named("monitoring_alert");
    static final EncryptedColumn DEDUP_KEY = TABLE.column("dedup_key");
    static final EncryptedColumn SUMMARY = TABLE.column("summary");
    static final EncryptedColumn DETAILS = TABLE.column("details");

    private static final String COLUMNS = "select id, group_id, detection, severity, category, dedup_key, summary,"
            + " details, signals, first_seen, last_seen, status, acknowledged_by, acknowledged_at, resolved_by,"
            + " resolved_at, escalated_at from monitoring_alert";

    /** A stored alert, its key, summary and details still sealed. */
    record Row(
            UUID id,
            @Nullable UUID groupId,
            String detection,
            AlertSeverity severity,
            AlertCategory category,
            String sealedDedupKey,
            String sealedSummary,
            String sealedDetails,
            long signals,
            Instant firstSeen,
            Instant lastSeen,
            AlertStatus status,
            @Nullable UUID acknowledgedBy,
            @Nullable Instant acknowledgedAt,
            @Nullable UUID resolvedBy,
            @Nullable Instant resolvedAt,
            @Nullable Instant escalatedAt) {}

    /** Which alerts a list shows; a null field does not filter. */
    record Filter(
            @Nullable AlertStatus status,
            @Nullable AlertSeverity severity,
            @Nullable AlertCategory category) {}

    /** The place of an alert in a list, newest first: after it come older alerts (then smaller ids). */
    record Position(Instant firstSeen, UUID id) {}

    void insert(JdbcClient jdbc, Row row, String dedupHash) {
        jdbc.sql("insert into monitoring_alert (id, group_id, detection, severity, category, dedup_hash, open_key,"
                        + " dedup_key, summary, details, signals, first_seen, last_seen, status)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.groupId(),
                        row.detection(),
                        row.severity().name(),
                        row.category().name(),
                        dedupHash,
                        dedupHash,
                        row.sealedDedupKey(),
                        row.sealedSummary(),
                        row.sealedDetails(),
                        row.signals(),
                        Timestamp.from(row.firstSeen()),
                        Timestamp.from(row.lastSeen()),
                        row.status().name())
                .update();
    }

    /** Counts a repeat into the unresolved alert of the key, if there is one; the row stays locked until commit. */
    Optional<Row> fold(JdbcClient jdbc, @Nullable UUID groupId, String dedupHash, Instant at) {
        int folded = jdbc.sql("update monitoring_alert set signals = signals + 1, last_seen = ? where open_key = ? and "
                        + ofGroup(groupId))
                .params(groupParams(groupId, Timestamp.from(at), dedupHash))
                .update();
        if (folded == 0) {
            return Optional.empty();
        }
        return jdbc.sql(COLUMNS + " where open_key = ? and " + ofGroup(groupId))
                .params(groupParams(groupId, dedupHash))
                .query(AlertRows::row)
                .optional();
    }

    /** The alert of the group (null: the installation's) with the id. */
    Optional<Row> find(JdbcClient jdbc, @Nullable UUID groupId, UUID id) {
        return jdbc.sql(COLUMNS + " where id = ? and " + ofGroup(groupId))
                .params(groupParams(groupId, id))
                .query(AlertRows::row)
                .optional();
    }

    /** The alert with the id, of whichever group the store holds it for (staff consoles). */
    Optional<Row> findAny(JdbcClient jdbc, UUID id) {
        return jdbc.sql(COLUMNS + " where id = ?")
                .param(id)
                .query(AlertRows::row)
                .optional();
    }

    boolean acknowledge(JdbcClient jdbc, UUID id, UUID by, Instant at) {
        return jdbc.sql("update monitoring_alert set status = 'ACKNOWLEDGED', acknowledged_by = ?, acknowledged_at = ?"
                                + " where id = ? and status = 'OPEN'")
                        .params(by, Timestamp.from(at), id)
                        .update()
                == 1;
    }

    /** Resolves the alert; its key is free again, so the next signal of it opens a new alert. */
    boolean resolve(JdbcClient jdbc, UUID id, UUID by, Instant at) {
        return jdbc.sql("update monitoring_alert set status = 'RESOLVED', open_key = null, resolved_by = ?,"
                                + " resolved_at = ? where id = ? and status <> 'RESOLVED'")
                        .params(by, Timestamp.from(at), id)
                        .update()
                == 1;
    }

    /** Marks the alert escalated, once, if it is still open. */
    boolean escalate(JdbcClient jdbc, UUID id, Instant at) {
        return jdbc.sql("update monitoring_alert set escalated_at = ? where id = ? and status = 'OPEN'"
                                + " and escalated_at is null")
                        .params(Timestamp.from(at), id)
                        .update()
                == 1;
    }

    /** Every critical alert of the store opened at or before the time, nobody acknowledged and not escalated. */
    List<Row> escalationCandidates(JdbcClient jdbc, Instant openedBy) {
        return jdbc.sql(COLUMNS + " where severity = 'CRITICAL' and status = 'OPEN' and escalated_at is null"
                        + " and first_seen <= ? order by first_seen")
                .param(Timestamp.from(openedBy))
                .query(AlertRows::row)
                .list();
    }

    /**
     * A page of the store's alerts, newest first, after the position if one is given.
     *
     * @param groupId the group whose alerts to list; null lists every row of the store
     */
    List<Row> page(JdbcClient jdbc, @Nullable UUID groupId, Filter filter, @Nullable Position after, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        if (groupId != null) {
            sql.append(" and group_id = ?");
            params.add(groupId);
        }
        if (filter.status() != null) {
            sql.append(" and status = ?");
            params.add(filter.status().name());
        }
        if (filter.severity() != null) {
            sql.append(" and severity = ?");
            params.add(filter.severity().name());
        }
        if (filter.category() != null) {
            sql.append(" and category = ?");
            params.add(filter.category().name());
        }
        if (after != null) {
            sql.append(" and (first_seen < ? or (first_seen = ? and id < ?))");
            params.add(Timestamp.from(after.firstSeen()));
            params.add(Timestamp.from(after.firstSeen()));
            params.add(after.id());
        }
        sql.append(" order by first_seen desc, id desc limit ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AlertRows::row).list();
    }

    void step(JdbcClient jdbc, UUID alertId, @Nullable UUID groupId, Alert.Step step) {
        jdbc.sql("insert into monitoring_alert_timeline (id, alert_id, group_id, changed_at, kind, signals, by_account)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        alertId,
                        groupId,
                        Timestamp.from(step.at()),
                        step.kind().name(),
                        step.signals(),
                        step.by())
                .update();
    }

    /** Records a repeat: a run of repeats is one step, counted up, so an attack does not flood the timeline. */
    void repeated(JdbcClient jdbc, UUID alertId, @Nullable UUID groupId, Instant at, long signals) {
        Optional<UUID> run = jdbc.sql("select id, kind from monitoring_alert_timeline where alert_id = ?"
                        + " order by seq desc limit 1")
                .param(alertId)
                .query((row, n) -> "REPEATED".equals(row.getString("kind")) ? row.getObject("id", UUID.class) : null)
                .optional();
        if (run.isPresent()) {
            jdbc.sql("update monitoring_alert_timeline set changed_at = ?, signals = ? where id = ?")
                    .params(Timestamp.from(at), signals, run.get())
                    .update();
        } else {
            step(jdbc, alertId, groupId, new Alert.Step(at, Alert.Step.Kind.REPEATED, signals, null));
        }
    }

    List<Alert.Step> timeline(JdbcClient jdbc, UUID alertId) {
        return jdbc.sql("select changed_at, kind, signals, by_account from monitoring_alert_timeline where alert_id = ?"
                        + " order by seq")
                .param(alertId)
                .query((row, n) -> new Alert.Step(
                        row.getTimestamp("changed_at").toInstant(),
                        Alert.Step.Kind.valueOf(row.getString("kind")),
                        row.getLong("signals"),
                        row.getObject("by_account", UUID.class)))
                .list();
    }

    private static String ofGroup(@Nullable UUID groupId) {
        return groupId == null ? "group_id is null" : "group_id = ?";
    }

    private static Object[] groupParams(@Nullable UUID groupId, Object... before) {
        if (groupId == null) {
            return before;
        }
        Object[] all = java.util.Arrays.copyOf(before, before.length + 1);
        all[before.length] = groupId;
        return all;
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getString("detection"),
                AlertSeverity.valueOf(row.getString("severity")),
                AlertCategory.valueOf(row.getString("category")),
                row.getString("dedup_key"),
                row.getString("summary"),
                row.getString("details"),
                row.getLong("signals"),
                instant(row, "first_seen"),
                instant(row, "last_seen"),
                AlertStatus.valueOf(row.getString("status")),
                row.getObject("acknowledged_by", UUID.class),
                instant(row, "acknowledged_at"),
                row.getObject("resolved_by", UUID.class),
                instant(row, "resolved_at"),
                instant(row, "escalated_at"));
    }

    private static @Nullable Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
