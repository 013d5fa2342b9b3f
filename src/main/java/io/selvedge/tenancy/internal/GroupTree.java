package io.selvedge.tenancy.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.platform.AuditActor;
import io.selvedge.platform.PageCursor;
import io.selvedge.platform.RequestOrigin;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupWrites;
import io.selvedge.storage.NewResource;
import io.selvedge.storage.ResourceHomes;
import io.selvedge.storage.ResourceKind;
import io.selvedge.tenancy.InvalidPageException;
import io.selvedge.tenancy.MoveGuard;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeCreated;
import io.selvedge.tenancy.NodeDeleted;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.NodeLocation;
import io.selvedge.tenancy.NodeMoved;
import io.selvedge.tenancy.NodePurged;
import io.selvedge.tenancy.NodeRenamed;
import io.selvedge.tenancy.NodeRestored;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.TenancyProperties;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeChangeRefusedException;
import io.selvedge.tenancy.TreeNode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The tree of each group, in the group's region. A node's group is found through its home
 * ({@link ResourceHomes}); every change is a unit of work ({@link GroupWrites}) in the region, whose
 * events commit with it.
 */
@Service
@RequiredArgsConstructor
class GroupTree implements Tree {

    private final GroupRegistry groups;
    private final ResourceHomes homes;
    private final GroupWrites writes;
    private final FieldCiphers ciphers;
    private final ApplicationEventPublisher events;
    private final TenancyProperties properties;
    private final Clock clock;
    private final ObjectProvider<MoveGuard> guards;

    @Override
    public TreeNode create(NodeKind kind, UUID parentId, String name, AuditActor by) {
        String clean = Tree.normalisedName(name);
        UUID groupId = kind == NodeKind.COMPANY ? groupWithTree(parentId) : groupOf(parentId);
        FieldCipher cipher = ciphers.of(groupId);
        UUID id = UUID.randomUUID();
        NodeRow row = new NodeRow(
                id,
                groupId,
                kind,
                kind == NodeKind.COMPANY ? null : parentId,
                NodeRepository.NODE_NAME.encrypt(cipher, clean, id),
                clock.instant(),
                null,
                null);
        // The home first (the unit of work records it): a node must never exist that no request can find.
        writes.create(groupId, NewResource.of(ResourceKind.NODE, id), plane -> {
            if (row.parentId() != null) {
                live(plane.jdbc(), groupId, kind.parent(), row.parentId(), true);
            }
            NodeRepository.insertNode(
                    plane.jdbc(), row, NodeRepository.NODE_CREATOR.encrypt(cipher, creatorOf(by), id));
            events.publishEvent(new NodeCreated(groupId, id, kind, row.parentId(), by, RequestOrigin.current()));
            return null;
        });
        return new TreeNode(id, groupId, kind, row.parentId(), clean, row.createdAt());
    }

    /** What a node's {@code created_by} holds: the creating account's id (or the actor's kind, for the system). */
    private static String creatorOf(AuditActor by) {
        return by.id() != null ? by.id().toString() : by.kind().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public TreeNode get(NodeKind kind, UUID nodeId) {
        UUID groupId = groupOf(nodeId);
        GroupDataPlane plane = groups.planeOf(groupId);
        return decrypted(live(plane.jdbc(), groupId, kind, nodeId, false));
    }

    @Override
    public TreeNode rename(NodeKind kind, UUID nodeId, String name, AuditActor by) {
        String clean = Tree.normalisedName(name);
        UUID groupId = groupOf(nodeId);
        String encrypted = NodeRepository.NODE_NAME.encrypt(ciphers.of(groupId), clean, nodeId);
        NodeRow row = writes.write(groupId, plane -> {
            NodeRow locked = live(plane.jdbc(), groupId, kind, nodeId, true);
            NodeRepository.rename(plane.jdbc(), nodeId, encrypted);
            events.publishEvent(new NodeRenamed(groupId, nodeId, kind, by, RequestOrigin.current()));
            return locked;
        });
        return new TreeNode(nodeId, groupId, kind, row.parentId(), clean, row.createdAt());
    }

    @Override
    public TreeNode move(NodeKind kind, UUID nodeId, UUID newParentId, AuditActor by) {
        if (!kind.movable()) {
            throw new TreeChangeRefusedException("Only seasons and workrooms can move.");
        }
        guards.orderedStream().forEach(guard -> guard.checkDestination(kind, newParentId));
        UUID groupId = groupOf(nodeId);
        if (!groupId.equals(groupOf(newParentId))) {
            throw new TreeChangeRefusedException("A node can move only within its group.");
        }
        NodeRow moved = writes.write(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            NodeRow node = live(jdbc, groupId, kind, nodeId, true);
            NodeRow target = NodeRepository.lock(jdbc, groupId, newParentId)
                    .filter(NodeRow::live)
                    .orElseThrow(() -> new NoSuchNodeException(newParentId));
            NodeRow from = live(jdbc, groupId, kind.parent(), Objects.requireNonNull(node.parentId()), true);
            if (target.kind() != kind.parent() || !Objects.equals(target.parentId(), from.parentId())) {
                throw new TreeChangeRefusedException(
                        kind == NodeKind.SEASON
                                ? "A season can move only to another brand of the same company."
                                : "A workroom can move only to another season of the same brand.");
            }
            if (!target.id().equals(from.id())) {
                NodeRepository.move(jdbc, nodeId, newParentId);
                events.publishEvent(
                        new NodeMoved(groupId, nodeId, kind, from.id(), newParentId, by, RequestOrigin.current()));
            }
            return node;
        });
        return new TreeNode(nodeId, groupId, kind, newParentId, name(moved), moved.createdAt());
    }

    @Override
    public NodeDeleted delete(NodeKind kind, UUID nodeId, AuditActor by) {
        UUID groupId = groupOf(nodeId);
        Instant now = clock.instant();
        return writes.write(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            // The node and what is live below it go together, and come back together.
            Deque<NodeRow> pending = new ArrayDeque<>();
            pending.add(live(jdbc, groupId, kind, nodeId, true));
            int taken = 0;
            while (!pending.isEmpty()) {
                NodeRow next = pending.poll();
                NodeRepository.markDeleted(jdbc, next.id(), now, nodeId);
                taken++;
                NodeKind below = next.kind().child();
                if (below != null) {
                    pending.addAll(NodeRepository.liveChildren(jdbc, groupId, below, next.id()));
                }
            }
            NodeDeleted deleted = new NodeDeleted(
                    groupId, nodeId, kind, taken, now.plus(properties.restoreWindow()), by, RequestOrigin.current());
            events.publishEvent(deleted);
            return deleted;
        });
    }

    @Override
    public TreeNode restore(NodeKind kind, UUID nodeId, AuditActor by) {
        UUID groupId = groupOf(nodeId);
        Instant now = clock.instant();
        NodeRow restored = writes.write(groupId, plane -> {
            JdbcClient jdbc = plane.jdbc();
            NodeRow node = NodeRepository.lock(jdbc, groupId, nodeId)
                    .filter(row -> row.kind() == kind)
                    .orElseThrow(() -> new NoSuchNodeException(nodeId));
            if (node.live()) {
                throw new TreeChangeRefusedException("This is not deleted.");
            }
            if (!node.deletedAt().plus(properties.restoreWindow()).isAfter(now)) {
                throw new NoSuchNodeException(nodeId); // past its window: as good as purged
            }
            if (!nodeId.equals(node.deletedWith())) {
                throw new TreeChangeRefusedException("This was deleted with its parent: restore the parent.");
            }
            if (node.parentId() != null
                    && NodeRepository.lock(jdbc, groupId, node.parentId())
                            .filter(NodeRow::live)
                            .isEmpty()) {
                throw new TreeChangeRefusedException("Its parent is deleted: restore the parent first.");
            }
            NodeRepository.restoreDeletedWith(jdbc, groupId, nodeId);
            events.publishEvent(new NodeRestored(groupId, nodeId, kind, by, RequestOrigin.current()));
            return node;
        });
        return new TreeNode(nodeId, groupId, kind, restored.parentId(), name(restored), restored.createdAt());
    }

    @Override
    public Page<TreeNode> children(NodeKind kind, UUID parentId, int limit, @Nullable String cursor) {
        return children(kind, parentId, limit, cursor, id -> true);
    }

    @Override
    public Page<TreeNode> children(
            NodeKind kind, UUID parentId, int limit, @Nullable String cursor, Predicate<UUID> visible) {
        ListCursor.requireLimit(limit);
        UUID groupId = kind == NodeKind.COMPANY ? groupWithTree(parentId) : groupOf(parentId);
        GroupDataPlane plane = groups.planeOf(groupId);
        UUID parent = null;
        if (kind != NodeKind.COMPANY) {
            parent = live(plane.jdbc(), groupId, kind.parent(), parentId, false).id();
        }
        // Names are ciphertexts, so the database cannot sort them: decrypt the group's children, sort here.
        List<TreeNode> sorted =
                new ArrayList<>(NodeRepository.liveChildren(plane.jdbc(), groupId, kind, parent).stream()
                        .filter(row -> visible.test(row.id()))
                        .map(this::decrypted)
                        .sorted(ListCursor.ORDER)
                        .toList());
        TreeNode after = null;
        if (cursor != null) {
            UUID afterId = PageCursor.id(cursor);
            after = NodeRepository.find(plane.jdbc(), groupId, afterId)
                    .map(this::decrypted)
                    .orElseThrow(() -> new InvalidPageException("The cursor is no longer valid."));
        }
        return ListCursor.page(sorted, after, limit);
    }

    @Override
    public Optional<NodeLocation> locate(UUID id) {
        Optional<UUID> home = homes.groupOf(id, ResourceKind.NODE);
        if (home.isEmpty()) {
            return groups.exists(id) ? Optional.of(new NodeLocation(id, List.of())) : Optional.empty();
        }
        UUID groupId = home.get();
        GroupDataPlane plane = groups.planeOf(groupId);
        Deque<NodeLocation.Step> path = new ArrayDeque<>();
        UUID next = id;
        while (next != null && path.size() < NodeKind.values().length) {
            Optional<NodeRow> row = NodeRepository.find(plane.jdbc(), groupId, next);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            path.addFirst(
                    new NodeLocation.Step(next, row.get().kind(), !row.get().live()));
            next = row.get().parentId();
        }
        return Optional.of(new NodeLocation(groupId, List.copyOf(path)));
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(properties.restoreWindow());
        int purged = 0;
        for (UUID groupId : homes.groupsHolding(ResourceKind.NODE)) {
            List<NodeRow> gone = writes.write(groupId, plane -> {
                List<NodeRow> expired = NodeRepository.deletedBefore(plane.jdbc(), groupId, cutoff);
                for (NodeRow row : expired) {
                    NodeRepository.purge(plane.jdbc(), row.id());
                    events.publishEvent(
                            new NodePurged(groupId, row.id(), row.kind(), AuditActor.system(), RequestOrigin.none()));
                }
                return expired;
            });
            homes.forget(gone.stream().map(NodeRow::id).toList());
            purged += gone.size();
        }
        return purged;
    }

    private UUID groupOf(UUID nodeId) {
        return homes.groupOf(nodeId, ResourceKind.NODE).orElseThrow(() -> new NoSuchNodeException(nodeId));
    }

    private UUID groupWithTree(UUID groupId) {
        return groups.get(groupId).id();
    }

    private static NodeRow live(JdbcClient jdbc, UUID groupId, NodeKind kind, UUID nodeId, boolean lock) {
        return (lock ? NodeRepository.lock(jdbc, groupId, nodeId) : NodeRepository.find(jdbc, groupId, nodeId))
                .filter(row -> row.kind() == kind && row.live())
                .orElseThrow(() -> new NoSuchNodeException(nodeId));
    }

    private TreeNode decrypted(NodeRow row) {
        return new TreeNode(row.id(), row.groupId(), row.kind(), row.parentId(), name(row), row.createdAt());
    }

    private String name(NodeRow row) {
        return NodeRepository.NODE_NAME.decrypt(ciphers.of(row.groupId()), row.encryptedName(), row.id());
    }
}
