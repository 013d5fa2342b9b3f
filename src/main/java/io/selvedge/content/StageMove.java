package io.selvedge.content;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A style moved into a stage.
 *
 * @param fromStage the stage it left (its id), null for none recorded
 */
public record StageMove(UUID id, UUID styleId, @Nullable String fromStage, String toStage, UUID actorId, Instant at) {}
