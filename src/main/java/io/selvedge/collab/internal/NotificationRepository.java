package io.selvedge.collab.internal;

import io.selvedge.collab.NotificationKind;
import io.selvedge.storage.Stores;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the notifications ({@code collab_notification}) and of their e-mail settings
 * ({@code collab_notification_setting}), in the global store: ids and a kind only, nothing of a group's
 * content.
 */
@Component
final class NotificationRepository {

    private final JdbcClient global;

    NotificationRepository(Stores stores) {
        this.global = JdbcClient.create(stores.global().dataSource());
    }

    void insert(
            UUID id,
            UUID accountId,
            NotificationKind kind,
            UUID groupId,
            UUID targetId,
            @Nullable UUID subjectId,
            @Nullable UUID actor,
            Instant at) {
        global.sql("insert into collab_notification (id, account_id, kind, group_id, target_id, subject_id,"
                        + " actor_id, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, accountId, kind.name(), groupId, targetId, subjectId, actor, Timestamp.from(at))
                .update();
    }

    /**
     * Hands each of the account's notifications, the newest first, to {@code row} (columns: id, kind,
     * target_id, subject_id, actor_id, created_at, read_at).
     */
    void eachOf(UUID accountId, RowCallbackHandler row) {
        global.sql("select id, kind, target_id, subject_id, actor_id, created_at, read_at from collab_notification"
                        + " where account_id = ? order by created_at desc, id")
                .param(accountId)
                .query(row);
    }

    long unread(UUID accountId) {
        Long count = global.sql("select count(*) from collab_notification where account_id = ? and read_at is null")
                .param(accountId)
                .query(Long.class)
                .single();
        return count == null ? 0 : count;
    }

    int markAllRead(UUID accountId, Instant at) {
        return global.sql("update collab_notification set read_at = ? where account_id = ? and read_at is null")
                .params(Timestamp.from(at), accountId)
                .update();
    }

    int markRead(UUID accountId, UUID id, Instant at) {
        return global.sql("update collab_notification set read_at = ? where account_id = ? and id = ?"
                        + " and read_at is null")
                .params(Timestamp.from(at), accountId, id)
                .update();
    }

    /** Hands each e-mail setting the account made (kind's name, by e-mail) to {@code setting}. */
    void eachSettingOf(UUID accountId, BiConsumer<String, Boolean> setting) {
        global.sql("select kind, by_email from collab_notification_setting where account_id = ?")
                .param(accountId)
                .query((RowCallbackHandler) rs -> setting.accept(rs.getString(1), rs.getBoolean(2)));
    }

    /** Sets whether a kind comes by e-mail. */
    void setByEmail(UUID accountId, NotificationKind kind, boolean byEmail) {
        int updated = global.sql(
                        "update collab_notification_setting set by_email = ? where account_id = ? and kind = ?")
                .params(byEmail, accountId, kind.name())
                .update();
        if (updated == 0) {
            global.sql("insert into collab_notification_setting (account_id, kind, by_email) values (?, ?, ?)")
                    .params(accountId, kind.name(), byEmail)
                    .update();
        }
    }
}
