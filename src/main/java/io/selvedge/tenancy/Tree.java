package io.selvedge.tenancy;

import io.selvedge.platform.AuditActor;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * The nodes of groups' trees. Every method names the kind it expects: a node of another kind, a
 * deleted node (except for {@link #restore}) and an unknown id are all {@link NoSuchNodeException}.
 * Names are validated by {@link #normalisedName} and stored encrypted. Each change names who makes it
 * ({@code by}), the actor its event carries to the group's trail.
 */
public interface Tree {

    /**
     * Creates a node below a parent: a company below a group (the parent id is the group's id), a brand
     * below a company, and so on.
     *
     * @param by who creates it: the node's creator, and the actor on the group's trail
     */
    TreeNode create(NodeKind kind, UUID parentId, String name, AuditActor by);

    TreeNode get(NodeKind kind, UUID nodeId);

    TreeNode rename(NodeKind kind, UUID nodeId, String name, AuditActor by);

    /**
     * Moves a season to another brand of the same company, or a workroom to another season of the same
     * brand.
     *
     * @throws TreeChangeRefusedException for any other move (another kind, another grandparent, another
     *     group)
     */
    TreeNode move(NodeKind kind, UUID nodeId, UUID newParentId, AuditActor by);

    /**
     * Deletes a node and what is below it, restorably: {@link #restore} brings them back within the
     * restore window (30 days by default), after which they are purged.
     */
    NodeDeleted delete(NodeKind kind, UUID nodeId, AuditActor by);

    /**
     * Restores a deleted node with what its deletion took along.
     *
     * @throws TreeChangeRefusedException if the node is not deleted, or its parent is
     */
    TreeNode restore(NodeKind kind, UUID nodeId, AuditActor by);

    /**
     * The live children of a parent (a group for companies), sorted by name, a page at a time.
     *
     * @param kind the kind of the children listed
     * @param cursor null for the first page, else a page's {@link Page#nextCursor}
     * @throws InvalidPageException for a cursor that this list did not hand out, or a bad limit
     */
    Page<TreeNode> children(NodeKind kind, UUID parentId, int limit, @Nullable String cursor);

    /**
     * Like {@link #children(NodeKind, UUID, int, String)}, listing only the children whose id passes
     * {@code visible} (filtered before paging, so pages stay full).
     */
    Page<TreeNode> children(NodeKind kind, UUID parentId, int limit, @Nullable String cursor, Predicate<UUID> visible);

    /**
     * Where an id is: its group and the path from the group down to it, deleted but restorable nodes
     * included. Empty for an id that is neither a group nor a node (or a purged one). Decrypts nothing.
     */
    Optional<NodeLocation> locate(UUID id);

    /** Purges the nodes whose restore window has passed; returns how many were purged. */
    int purgeExpired();

    /**
     * A name as it is stored: stripped of surrounding white space, 1 to 200 characters, no control
     * characters.
     *
     * @throws InvalidNameException otherwise
     */
    static String normalisedName(@Nullable String name) {
        if (name == null) {
            throw new InvalidNameException("A name is required.");
        }
        String stripped = name.strip();
        int length = stripped.codePointCount(0, stripped.length());
        if (length < 1 || length > 200) {
            throw new InvalidNameException("A name has 1 to 200 characters.");
        }
        if (stripped.codePoints().anyMatch(Tree::isControl)) {
            throw new InvalidNameException("A name may not contain control characters.");
        }
        return stripped;
    }

    private static boolean isControl(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.CONTROL
                || type == Character.FORMAT && codePoint != 0x200D // zero-width joiner: in emoji sequences
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }
}
