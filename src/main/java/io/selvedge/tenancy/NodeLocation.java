package io.selvedge.tenancy;

import java.util.List;
import java.util.UUID;

/**
 * Where an id is in a group's tree: the group, and the nodes from the group's company down to the id
 * itself (empty when the id is the group's). Ids and kinds only: nothing is decrypted to find it.
 *
 * @param path top down, the located node last; deleted nodes (still restorable) are included, flagged
 */
public record NodeLocation(UUID groupId, List<Step> path) {

    public NodeLocation {
        path = List.copyOf(path);
    }

    /** One node on the path. */
    public record Step(UUID id, NodeKind kind, boolean deleted) {}
}
