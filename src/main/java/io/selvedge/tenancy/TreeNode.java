package io.selvedge.tenancy;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A company, brand, season or workroom, its name decrypted.
 *
 * @param parentId the parent node; null for a company, whose parent is the group
 */
public record TreeNode(
        UUID id, UUID groupId, NodeKind kind, @Nullable UUID parentId, String name, Instant createdAt) {}
