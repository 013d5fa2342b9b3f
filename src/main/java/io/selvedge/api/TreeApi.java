package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.tenancy.InvalidNameException;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeDeleted;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The tree below a group: {@code /companies}, {@code /brands}, {@code /seasons}, {@code /workrooms},
 * each created below its parent ({@code POST /groups/{id}/companies}...), read, renamed or moved
 * ({@code PATCH}), deleted and restored. Permission: any authenticated caller, until the permission
 * table arrives.
 */
@RestController
class TreeApi {

    private static final String BASE = "/api/v1/";
    private static final String PARENTS = "{parents:groups|companies|brands|seasons}";
    private static final String CHILDREN = "{children:companies|brands|seasons|workrooms}";
    private static final String NODES = "{nodes:companies|brands|seasons|workrooms}";

    private final Tree tree;

    TreeApi(Tree tree) {
        this.tree = tree;
    }

    @PostMapping(BASE + PARENTS + "/{parentId}/" + CHILDREN)
    ResponseEntity<NodeResponse> create(
            @PathVariable String parents,
            @PathVariable UUID parentId,
            @PathVariable String children,
            @RequestBody NewNode request,
            Authentication caller) {
        NodeKind kind = childOf(parents, children, parentId);
        TreeNode node = tree.create(kind, parentId, request.name(), caller.getName());
        return ResponseEntity.created(URI.create(BASE + children + "/" + node.id()))
                .body(NodeResponse.of(node));
    }

    @GetMapping(BASE + PARENTS + "/{parentId}/" + CHILDREN)
    PageResponse list(
            @PathVariable String parents,
            @PathVariable UUID parentId,
            @PathVariable String children,
            @RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        Page<TreeNode> page = tree.children(childOf(parents, children, parentId), parentId, limit, cursor);
        return new PageResponse(page.items().stream().map(NodeResponse::of).toList(), page.nextCursor());
    }

    @GetMapping(BASE + NODES + "/{id}")
    NodeResponse get(@PathVariable String nodes, @PathVariable UUID id) {
        return NodeResponse.of(tree.get(kindOf(nodes), id));
    }

    @PatchMapping(BASE + NODES + "/{id}")
    NodeResponse change(@PathVariable String nodes, @PathVariable UUID id, @RequestBody NodeChange change) {
        NodeKind kind = kindOf(nodes);
        if (change.name() == null && change.parentId() == null) {
            throw new InvalidNameException("Give a new name, a new parentId, or both.");
        }
        if (change.name() != null) {
            Tree.normalisedName(change.name()); // refuse a bad name before anything changes
        }
        TreeNode node = change.parentId() == null ? tree.get(kind, id) : tree.move(kind, id, change.parentId());
        return NodeResponse.of(change.name() == null ? node : tree.rename(kind, id, change.name()));
    }

    @DeleteMapping(BASE + NODES + "/{id}")
    DeletedResponse delete(@PathVariable String nodes, @PathVariable UUID id) {
        NodeDeleted deleted = tree.delete(kindOf(nodes), id);
        return new DeletedResponse(deleted.nodeId(), deleted.nodesTaken(), deleted.restorableUntil());
    }

    @PostMapping(BASE + NODES + "/{id}/restore")
    NodeResponse restore(@PathVariable String nodes, @PathVariable UUID id) {
        return NodeResponse.of(tree.restore(kindOf(nodes), id));
    }

    /** The kind listed or created below a parent; a pair that is not parent and child names no list. */
    private static NodeKind childOf(String parents, String children, UUID parentId) {
        NodeKind kind = kindOf(children);
        String expected = kind.parent() == null ? "groups" : collection(kind.parent());
        if (!expected.equals(parents)) {
            throw new NoSuchNodeException(parentId);
        }
        return kind;
    }

    private static NodeKind kindOf(String collection) {
        return switch (collection) {
            case "companies" -> NodeKind.COMPANY;
            case "brands" -> NodeKind.BRAND;
            case "seasons" -> NodeKind.SEASON;
            case "workrooms" -> NodeKind.WORKROOM;
            default -> throw new NoSuchNodeException(new UUID(0, 0));
        };
    }

    private static String collection(NodeKind kind) {
        return kind == NodeKind.COMPANY ? "companies" : kind.name().toLowerCase(Locale.ROOT) + "s";
    }

    record NewNode(String name) {}

    record NodeChange(@Nullable String name, @Nullable UUID parentId) {}

    record NodeResponse(
            UUID id, String kind, String name, @Nullable UUID parentId, UUID groupId, Instant createdAt) {
        static NodeResponse of(TreeNode node) {
            return new NodeResponse(
                    node.id(), node.kind().name(), node.name(), node.parentId(), node.groupId(), node.createdAt());
        }
    }

    /** The cursor is always written, as null on the last page, so clients can loop on it. */
    record PageResponse(
            List<NodeResponse> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}

    record DeletedResponse(UUID id, int nodesDeleted, Instant restorableUntil) {}
}
