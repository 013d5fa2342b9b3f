package io.selvedge.tenancy;

import java.util.UUID;
import org.springframework.lang.Nullable;

/** A company, brand, season or workroom was created (a company's parent id is null). */
public record NodeCreated(
        UUID groupId, UUID nodeId, NodeKind kind, @Nullable UUID parentId) {}
