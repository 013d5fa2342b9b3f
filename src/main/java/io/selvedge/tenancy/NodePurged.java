package io.selvedge.tenancy;

import java.util.UUID;

/** A deleted node's restore window passed and its row is gone. */
public record NodePurged(UUID groupId, UUID nodeId, NodeKind kind) {}
