package io.selvedge.collab.internal;

import io.selvedge.collab.Notification;
import io.selvedge.collab.NotificationKind;
import io.selvedge.collab.Notifications;
import io.selvedge.content.InvalidContentException;
import io.selvedge.content.NoSuchContentException;
import io.selvedge.content.Style;
import io.selvedge.content.StyleLookups;
import io.selvedge.content.Styles;
import io.selvedge.identity.AccountDirectory;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.storage.GroupDataPlanes;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * In-app notifications in the global store: ids and a kind only; the text is rendered when read, from
 * the style or workroom the reader may still see. Follows are kept in the style's region.
 */
@Service
class NotificationService implements Notifications {

    static final int MAX_LIMIT = 200;

    private final JdbcTemplate global;
    private final GroupDataPlanes planes;
    private final Styles styles;
    private final StyleLookups lookups;
    private final Tree tree;
    private final AccountDirectory directory;
    private final Outbox outbox;
    private final Clock clock;

    NotificationService(
            Stores stores,
            GroupDataPlanes planes,
            Styles styles,
            StyleLookups lookups,
            Tree tree,
            AccountDirectory directory,
            Outbox outbox,
            Clock clock) {
        this.global = new JdbcTemplate(stores.global().dataSource());
        this.planes = planes;
        this.styles = styles;
        this.lookups = lookups;
        this.tree = tree;
        this.directory = directory;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Adds a notification for each recipient (the actor never notifies themselves). */
    void notify(
            Set<UUID> recipients,
            NotificationKind kind,
            UUID groupId,
            UUID targetId,
            @Nullable UUID subjectId,
            @Nullable UUID actor) {
        Timestamp now = Timestamp.from(clock.instant());
        for (UUID recipient : recipients) {
            if (recipient.equals(actor)) {
                continue;
            }
            global.update(
                    "insert into collab_notification (id, account_id, kind, group_id, target_id, subject_id, actor_id,"
                            + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    UUID.randomUUID(),
                    recipient,
                    kind.name(),
                    groupId,
                    targetId,
                    subjectId,
                    actor,
                    now);
            if (Boolean.TRUE.equals(emailSettings(recipient).get(kind))) {
                mail(recipient, kind);
            }
        }
    }

    /**
     * The e-mail of a notification, through the outbox (in the listener's transaction). It names no style
     * and quotes nothing: the text is read in the app, by someone who may still see it.
     */
    private void mail(UUID recipient, NotificationKind kind) {
        directory
                .account(recipient)
                .filter(account -> account.email() != null)
                .ifPresent(account -> outbox.enqueue(OutgoingMail.text(
                        account.email(),
                        subject(kind),
                        subject(kind) + ".\n\nOpen Selvedge to see it. You can choose which notifications come by"
                                + " e-mail in your notification settings.\n")));
    }

    static String subject(NotificationKind kind) {
        return switch (kind) {
            case MENTION -> "You were mentioned in a comment";
            case NEW_VERSION -> "A style you follow has a new version";
            case APPROVAL -> "The approval status of a style you follow changed";
            case SHARE -> "Something was shared with you";
        };
    }

    /** Who follows a style: its favourites and explicit follows. */
    Set<UUID> followers(UUID styleId) {
        Set<UUID> followers = new LinkedHashSet<>(lookups.favouredBy(styleId));
        UUID groupId = lookups.groupOf(styleId);
        followers.addAll(planes.of(groupId)
                .jdbc()
                .sql("select account_id from collab_follow where style_id = ?")
                .param(styleId)
                .query(UUID.class)
                .list());
        return followers;
    }

    @Override
    public List<Notification> list(UUID accountId, int limit, Predicate<UUID> visible) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidContentException("The limit is 1 to " + MAX_LIMIT + ".");
        }
        List<Notification> found = new ArrayList<>();
        Map<UUID, Optional<String>> names = new HashMap<>();
        global.query(
                "select id, kind, target_id, subject_id, actor_id, created_at, read_at from collab_notification"
                        + " where account_id = ? order by created_at desc, id",
                rs -> {
                    if (found.size() >= limit) {
                        return;
                    }
                    NotificationKind kind = NotificationKind.valueOf(rs.getString(2));
                    UUID targetId = rs.getObject(3, UUID.class);
                    Optional<String> name = names.computeIfAbsent(targetId, id -> name(kind, id, visible));
                    found.add(new Notification(
                            rs.getObject(1, UUID.class),
                            kind,
                            targetId,
                            rs.getObject(4, UUID.class),
                            rs.getObject(5, UUID.class),
                            name.map(text -> text(kind, text)).orElse(null),
                            rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7) != null));
                },
                accountId);
        return found;
    }

    private Optional<String> name(NotificationKind kind, UUID targetId, Predicate<UUID> visible) {
        if (!visible.test(targetId)) {
            return Optional.empty();
        }
        try {
            return Optional.of(styles.get(targetId)).map(Style::name);
        } catch (NoSuchContentException e) {
            if (kind != NotificationKind.SHARE) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(tree.get(NodeKind.WORKROOM, targetId).name());
        } catch (NoSuchNodeException e) {
            return Optional.empty();
        }
    }

    static String text(NotificationKind kind, String name) {
        return switch (kind) {
            case MENTION -> "You were mentioned in a comment on " + name;
            case NEW_VERSION -> "A new version of " + name;
            case APPROVAL -> "The approval status of " + name + " changed";
            case SHARE -> name + " was shared with you";
        };
    }

    @Override
    public long unread(UUID accountId) {
        Long count = global.queryForObject(
                "select count(*) from collab_notification where account_id = ? and read_at is null",
                Long.class,
                accountId);
        return count == null ? 0 : count;
    }

    @Override
    public int markRead(UUID accountId, @Nullable List<UUID> ids) {
        Timestamp now = Timestamp.from(clock.instant());
        if (ids == null) {
            return global.update(
                    "update collab_notification set read_at = ? where account_id = ? and read_at is null",
                    now,
                    accountId);
        }
        if (ids.size() > MAX_LIMIT) {
            throw new InvalidContentException("Mark at most " + MAX_LIMIT + " notifications at once.");
        }
        int changed = 0;
        for (UUID id : new LinkedHashSet<>(ids)) {
            changed += global.update(
                    "update collab_notification set read_at = ? where account_id = ? and id = ? and read_at is null",
                    now,
                    accountId,
                    id);
        }
        return changed;
    }

    @Override
    public Map<NotificationKind, Boolean> emailSettings(UUID accountId) {
        Map<NotificationKind, Boolean> settings = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            settings.put(kind, true);
        }
        global.query(
                "select kind, by_email from collab_notification_setting where account_id = ?",
                rs -> {
                    try {
                        settings.put(NotificationKind.valueOf(rs.getString(1)), rs.getBoolean(2));
                    } catch (IllegalArgumentException e) {
                        // a kind that no longer exists
                    }
                },
                accountId);
        return settings;
    }

    @Override
    public Map<NotificationKind, Boolean> changeEmailSettings(UUID accountId, Map<NotificationKind, Boolean> settings) {
        for (Map.Entry<NotificationKind, Boolean> setting : settings.entrySet()) {
            if (setting.getKey() == null || setting.getValue() == null) {
                throw new InvalidContentException("Each kind is true or false.");
            }
            int updated = global.update(
                    "update collab_notification_setting set by_email = ? where account_id = ? and kind = ?",
                    setting.getValue(),
                    accountId,
                    setting.getKey().name());
            if (updated == 0) {
                global.update(
                        "insert into collab_notification_setting (account_id, kind, by_email) values (?, ?, ?)",
                        accountId,
                        setting.getKey().name(),
                        setting.getValue());
            }
        }
        return emailSettings(accountId);
    }

    @Override
    public void follow(UUID styleId, UUID accountId) {
        Style style = styles.get(styleId);
        var jdbc = planes.of(style.groupId()).jdbc();
        boolean known = jdbc.sql("select count(*) from collab_follow where account_id = ? and style_id = ?")
                        .params(accountId, styleId)
                        .query(Integer.class)
                        .single()
                > 0;
        if (!known) {
            try {
                jdbc.sql("insert into collab_follow (account_id, style_id, group_id, created_at) values (?, ?, ?, ?)")
                        .params(accountId, styleId, style.groupId(), Timestamp.from(clock.instant()))
                        .update();
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // a concurrent PUT did it
            }
        }
    }

    @Override
    public void unfollow(UUID styleId, UUID accountId) {
        UUID groupId = lookups.groupOf(styleId);
        planes.of(groupId)
                .jdbc()
                .sql("delete from collab_follow where account_id = ? and style_id = ?")
                .params(accountId, styleId)
                .update();
    }
}
