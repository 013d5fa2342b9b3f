package io.selvedge.tenancy;

import java.util.UUID;

/**
 * Whether the caller may put a node below a new parent: asked by {@link Tree#move} before anything
 * changes, so that every caller of a move is guarded. The tree knows no permissions; the access module
 * implements this.
 */
public interface MoveGuard {

    /** @throws RuntimeException a refusal (not found, forbidden) if the caller may not move a node of this kind there */
    void checkDestination(NodeKind kind, UUID newParentId);
}
