package io.selvedge.tenancy;

import java.util.UUID;

/** A deleted node was restored, with what its deletion took along. */
public record NodeRestored(UUID groupId, UUID nodeId, NodeKind kind) {}
