package io.selvedge.collab;

import io.selvedge.content.StyleStatus;
import java.time.Instant;
import java.util.UUID;

/** One entry of a style's approval history. */
public record Approval(UUID id, UUID styleId, StyleStatus status, String note, UUID actorId, Instant createdAt) {}
