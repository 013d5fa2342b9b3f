package io.selvedge.collab;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An in-app notification, its text rendered when read from what the reader may still see (null when the
 * style or workroom is no longer visible to them).
 */
public record Notification(
        UUID id,
        NotificationKind kind,
        UUID targetId,
        @Nullable UUID subjectId,
        @Nullable UUID actorId,
        @Nullable String text,
        Instant createdAt,
        boolean read) {}
