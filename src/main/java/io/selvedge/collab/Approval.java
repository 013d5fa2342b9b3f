package io.selvedge.collab;

import io.selvedge.content.StyleStatus;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of a style's approval history, or of one of its colorways' ({@code colorwayId}, else null). */
public record Approval(
        UUID id,
        UUID styleId,
        StyleStatus status,
        String note,
        UUID actorId,
        Instant createdAt,
        @Nullable UUID colorwayId) {}
