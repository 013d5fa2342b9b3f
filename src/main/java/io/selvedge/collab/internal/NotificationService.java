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
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import java.time.Clock;
import java.time.Instant;
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
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * In-app notifications in the global store: ids and a kind only; the text is rendered when read, from
 * the style or workroom the reader may still see. Follows are kept in the style's region.
 */
@Service
@RequiredArgsConstructor
class NotificationService implements Notifications {

    static final int MAX_LIMIT = 200;

    private final NotificationRepository notifications;
    private final FollowRepository follows;
    private final GroupDataPlanes planes;
    private final Styles styles;
    private final StyleLookups lookups;
    private final Tree tree;
    private final AccountDirectory directory;
    private final Outbox outbox;
    private final Clock clock;

    /** Adds a notification for each recipient (the actor never notifies themselves). */
    void notify(
            Set<UUID> recipients,
            NotificationKind kind,
            UUID groupId,
            UUID targetId,
            @Nullable UUID subjectId,
            @Nullable UUID actor) {
        Instant now = clock.instant();
        for (UUID recipient : recipients) {
            if (recipient.equals(actor)) {
                continue;
            }
            notifications.insert(UUID.randomUUID(), recipient, kind, groupId, targetId, subjectId, actor, now);
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
        followers.addAll(follows.followers(planes.of(groupId).jdbc(), styleId));
        return followers;
    }

    @Override
    public List<Notification> list(UUID accountId, int limit, Predicate<UUID> visible) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidContentException("The limit is 1 to " + MAX_LIMIT + ".");
        }
        List<Notification> found = new ArrayList<>();
        Map<UUID, Optional<String>> names = new HashMap<>();
        notifications.eachOf(accountId, rs -> {
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
        });
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
        return notifications.unread(accountId);
    }

    @Override
    public int markRead(UUID accountId, @Nullable List<UUID> ids) {
        Instant now = clock.instant();
        if (ids == null) {
            return notifications.markAllRead(accountId, now);
        }
        if (ids.size() > MAX_LIMIT) {
            throw new InvalidContentException("Mark at most " + MAX_LIMIT + " notifications at once.");
        }
        int changed = 0;
        for (UUID id : new LinkedHashSet<>(ids)) {
            changed += notifications.markRead(accountId, id, now);
        }
        return changed;
    }

    @Override
    public Map<NotificationKind, Boolean> emailSettings(UUID accountId) {
        Map<NotificationKind, Boolean> settings = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            settings.put(kind, true);
        }
        notifications.eachSettingOf(accountId, (kind, byEmail) -> {
            try {
                settings.put(NotificationKind.valueOf(kind), byEmail);
            } catch (IllegalArgumentException e) {
                // a kind that no longer exists
            }
        });
        return settings;
    }

    @Override
    public Map<NotificationKind, Boolean> changeEmailSettings(UUID accountId, Map<NotificationKind, Boolean> settings) {
        for (Map.Entry<NotificationKind, Boolean> setting : settings.entrySet()) {
            if (setting.getKey() == null || setting.getValue() == null) {
                throw new InvalidContentException("Each kind is true or false.");
            }
            notifications.setByEmail(accountId, setting.getKey(), setting.getValue());
        }
        return emailSettings(accountId);
    }

    @Override
    public void follow(UUID styleId, UUID accountId) {
        Style style = styles.get(styleId);
        var jdbc = planes.of(style.groupId()).jdbc();
        if (!follows.follows(jdbc, accountId, styleId)) {
            follows.add(jdbc, accountId, styleId, style.groupId(), clock.instant());
        }
    }

    @Override
    public void unfollow(UUID styleId, UUID accountId) {
        UUID groupId = lookups.groupOf(styleId);
        follows.remove(planes.of(groupId).jdbc(), accountId, styleId);
    }
}
