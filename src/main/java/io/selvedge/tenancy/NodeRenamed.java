package io.selvedge.tenancy;

import java.util.UUID;

/** A node was renamed. The names are not in the event: they are the customer's. */
public record NodeRenamed(UUID groupId, UUID nodeId, NodeKind kind) {}
