package io.selvedge.tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * A node was deleted, with what was below it; it can be restored until {@code restorableUntil}.
 *
 * @param nodesTaken how many nodes the deletion took along, the node itself included
 */
public record NodeDeleted(UUID groupId, UUID nodeId, NodeKind kind, int nodesTaken, Instant restorableUntil) {}
