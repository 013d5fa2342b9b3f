package io.selvedge.monitoring.internal.routing;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.monitoring.internal.AlertChanged;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The durable deliveries, in the global store: one row per (alert change, channel), unique, so that an
 * {@link AlertChanged} delivered again by the event registry adds none. What a row keeps of the change
 * ({@link Delivery.Facts}: for a group's alert its ids and metadata only, since nothing of a group rests in the
 * global store) is stored encrypted under the directory's key.
 */
@Repository
@RequiredArgsConstructor
class DeliveryRepository {

    static final EncryptedTable DELIVERIES = EncryptedTable.named("monitoring_delivery");
    static final EncryptedColumn ALERT = DELIVERIES.column("alert");

    private static final String COLUMNS =
            "id, alert, channel_id, channel_group_id, attempts, next_attempt_at, failure_reported";

    private final JdbcClient jdbc;
    private final FieldCiphers ciphers;

    /** Records the delivery unless this change is already recorded for this channel; whether it was new. */
    boolean record(AlertChanged alert, Channel channel, Instant now) {
        UUID id = UUID.randomUUID();
        String facts =
                ALERT.encrypt(ciphers.directory(), Payloads.JSON.writeValueAsString(Delivery.Facts.of(alert)), id);
        try {
            return jdbc.sql("insert into monitoring_delivery (id, alert_id, change_kind, changed_at, channel_id,"
                                    + " channel_group_id, alert, attempts, next_attempt_at, failure_reported, created_at)"
                                    + " select ?, ?, ?, ?, ?, ?, ?, 0, ?, false, ? where not exists (select 1 from"
                                    + " monitoring_delivery where alert_id = ? and change_kind = ? and changed_at = ?"
                                    + " and channel_id = ?)")
                            .params(
                                    id,
                                    alert.alertId(),
                                    alert.change().name(),
                                    utc(alert.at()),
                                    channel.id(),
                                    channel.groupId(),
                                    facts,
                                    utc(now),
                                    utc(now),
                                    alert.alertId(),
                                    alert.change().name(),
                                    utc(alert.at()),
                                    channel.id())
                            .update()
                    == 1;
        } catch (DuplicateKeyException concurrent) {
            return false; // another node recorded the same delivery at the same moment
        }
    }

    /**
     * Claims up to {@code limit} unsent deliveries due at {@code now}, each for {@code claimUntil} (another
     * node skips them meanwhile; a node that dies mid-send leaves them due again then).
     */
    List<Delivery> claimDue(Instant now, Instant claimUntil, int limit) {
        List<Delivery> due = jdbc.sql("select " + COLUMNS + " from monitoring_delivery where sent_at is null"
                        + " and next_attempt_at <= ? order by next_attempt_at, id limit ?")
                .params(utc(now), limit)
                .query(this::delivery)
                .list();
        List<Delivery> claimed = new ArrayList<>();
        for (Delivery delivery : due) {
            boolean mine = jdbc.sql("update monitoring_delivery set next_attempt_at = ? where id = ?"
                                    + " and sent_at is null and next_attempt_at = ?")
                            .params(utc(claimUntil), delivery.id(), utc(delivery.nextAttemptAt()))
                            .update()
                    == 1;
            if (mine) {
                claimed.add(delivery);
            }
        }
        return claimed;
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("update monitoring_delivery set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(utc(at), id)
                .update();
    }

    /** @param error what failed, without the channel's URL or secret */
    void markFailed(UUID id, int attempts, String error, Instant next, boolean failureReported) {
        jdbc.sql("update monitoring_delivery set attempts = ?, last_error = ?, next_attempt_at = ?,"
                        + " failure_reported = ? where id = ?")
                .params(
                        attempts,
                        error.length() > 500 ? error.substring(0, 500) : error,
                        utc(next),
                        failureReported,
                        id)
                .update();
    }

    /** How many deliveries of the channel wait to be sent (for the pages). */
    long waiting(UUID channelId) {
        return jdbc.sql("select count(*) from monitoring_delivery where channel_id = ? and sent_at is null")
                .params(channelId)
                .query(Long.class)
                .single();
    }

    private Delivery delivery(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject(1, UUID.class);
        @Nullable String facts = ALERT.decrypt(ciphers.directory(), row.getString(2), id);
        return new Delivery(
                id,
                Payloads.JSON.readValue(facts, Delivery.Facts.class),
                row.getObject(3, UUID.class),
                row.getObject(4, UUID.class),
                row.getInt(5),
                row.getObject(6, OffsetDateTime.class).toInstant(),
                row.getBoolean(7));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
