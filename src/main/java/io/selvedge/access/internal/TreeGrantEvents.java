package io.selvedge.access.internal;

import io.selvedge.tenancy.GroupCreated;
import io.selvedge.tenancy.NodeDeleted;
import io.selvedge.tenancy.NodeMoved;
import io.selvedge.tenancy.NodePurged;
import io.selvedge.tenancy.NodeRestored;
import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the tree's changes mean for grants, handled synchronously inside the transaction that made the
 * change (tenancy publishes these inside the region's transaction): a group's creator becomes its admin
 * (a group without its admin would be unreachable, so both commit or neither; a group staff create for a
 * customer gets its admin by invitation instead); a move changes paths, a delete or restore changes
 * whether a path is deleted (and so whether what is below is found), and a purge removes a node for good,
 * so all bump the group's grant version.
 */
@Component
@RequiredArgsConstructor
class TreeGrantEvents {

    private final GrantService grants;
    private final GrantRepository records;

    @EventListener
    void groupCreated(GroupCreated created) {
        if (created.creatorIsAdmin()) {
            grants.grantCreator(created.groupId(), created.auditActor().id()); // an account created it
        }
    }

    @EventListener
    void nodeMoved(NodeMoved moved) {
        records.plane(moved.groupId()).ifPresent(plane -> records.bump(plane.jdbc(), moved.groupId()));
    }

    @EventListener
    void nodeDeleted(NodeDeleted deleted) {
        records.plane(deleted.groupId()).ifPresent(plane -> records.bump(plane.jdbc(), deleted.groupId()));
    }

    @EventListener
    void nodeRestored(NodeRestored restored) {
        records.plane(restored.groupId()).ifPresent(plane -> records.bump(plane.jdbc(), restored.groupId()));
    }

    @EventListener
    void nodePurged(NodePurged purged) {
        records.plane(purged.groupId()).ifPresent(plane -> {
            records.deleteOn(plane.jdbc(), purged.nodeId());
            records.bump(plane.jdbc(), purged.groupId());
        });
    }
}
