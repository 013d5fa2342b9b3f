package io.selvedge.tenancy.internal;

import io.selvedge.tenancy.NodeKind;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code tenancy_node}, its name still encrypted. */
record NodeRow(
        UUID id,
        UUID groupId,
        NodeKind kind,
        @Nullable UUID parentId,
        String encryptedName,
        Instant createdAt,
        @Nullable Instant deletedAt,
        @Nullable UUID deletedWith) {

    boolean live() {
        return deletedAt == null;
    }
}
