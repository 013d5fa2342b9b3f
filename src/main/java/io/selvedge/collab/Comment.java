package io.selvedge.collab;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment on a style, decrypted for a caller who may see it; tagged with one of its colorways or none;
 * {@code screenshotType} names the type of the picture of the view it was written on (null: none), read
 * through {@link Comments#screenshot}.
 */
public record Comment(
        UUID id,
        UUID styleId,
        @Nullable UUID versionId,
        UUID authorId,
        String body,
        @Nullable Pin pin,
        boolean resolved,
        @Nullable UUID resolvedBy,
        @Nullable Instant resolvedAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable UUID colorwayId,
        @Nullable String screenshotType) {}
