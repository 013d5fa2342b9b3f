package io.selvedge.tenancy;

import org.jspecify.annotations.Nullable;

/** The levels of a group's tree, top down. A company's parent is the group itself. */
public enum NodeKind {
    COMPANY(null),
    BRAND(COMPANY),
    SEASON(BRAND),
    WORKROOM(SEASON);

    @Nullable
    private final NodeKind parent;

    NodeKind(@Nullable NodeKind parent) {
        this.parent = parent;
    }

    /** The kind of this kind's parent node; null for a company, whose parent is the group. */
    @Nullable
    public NodeKind parent() {
        return parent;
    }

    /** The kind of the nodes below this one; null for a workroom (styles belong to content). */
    @Nullable
    public NodeKind child() {
        for (NodeKind kind : values()) {
            if (kind.parent == this) {
                return kind;
            }
        }
        return null;
    }

    /** The kind's name on audit entries and in actions: {@code company}, {@code workroom}... */
    public String auditName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether a node of this kind may move to another parent (within the same grandparent). */
    public boolean movable() {
        return this == SEASON || this == WORKROOM;
    }
}
