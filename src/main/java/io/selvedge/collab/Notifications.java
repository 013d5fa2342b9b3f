package io.selvedge.collab;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/** Each person's in-app notifications and e-mail choices. */
public interface Notifications {

    /** The newest notifications of an account, rendered for targets (styles, workrooms) that pass {@code visible}. */
    List<Notification> list(UUID accountId, int limit, Predicate<UUID> visible);

    long unread(UUID accountId);

    /** Marks the given notifications, or all when {@code ids} is null, read; returns how many changed. */
    int markRead(UUID accountId, @Nullable List<UUID> ids);

    /** Which kinds come by e-mail too (every kind listed). */
    Map<NotificationKind, Boolean> emailSettings(UUID accountId);

    Map<NotificationKind, Boolean> changeEmailSettings(UUID accountId, Map<NotificationKind, Boolean> settings);

    void follow(UUID styleId, UUID accountId);

    void unfollow(UUID styleId, UUID accountId);
}
