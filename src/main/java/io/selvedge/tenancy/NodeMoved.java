package io.selvedge.tenancy;

import java.util.UUID;

/** A season or workroom moved to another parent. */
public record NodeMoved(UUID groupId, UUID nodeId, NodeKind kind, UUID fromParentId, UUID toParentId) {}
