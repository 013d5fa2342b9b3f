package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Level;
import io.selvedge.access.Requires;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AuditActor;
import io.selvedge.tenancy.InvalidNameException;
import io.selvedge.tenancy.NodeDeleted;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
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
 * each created below its parent ({@code POST /groups/{id}/companies}...), listed, read, renamed or moved
 * ({@code PATCH}), deleted and restored. One handler per kind and operation, each stating its action
 * from the permission table; lists hold only the children the caller may view.
 */
@RestController
@RequiredArgsConstructor
class TreeApi {

    private static final String BASE = "/api/v1/";
    private static final String LIMIT = "50";

    private final Tree tree;
    private final Authorization authorization;
    private final Callers callers;

    // Companies, below a group.

    @PostMapping(BASE + "groups/{groupId}/companies")
    @Requires(value = Action.CREATE_COMPANY, target = "groupId")
    ResponseEntity<NodeResponse> createCompany(@PathVariable UUID groupId, @RequestBody NewNode request) {
        return create(NodeKind.COMPANY, groupId, request);
    }

    @GetMapping(BASE + "groups/{groupId}/companies")
    @Requires(value = Action.VIEW_GROUP, target = "groupId")
    PageResponse companies(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return list(NodeKind.COMPANY, groupId, limit, cursor);
    }

    @GetMapping(BASE + "companies/{id}")
    @Requires(value = Action.VIEW, target = "id")
    NodeResponse company(@PathVariable UUID id) {
        return NodeResponse.of(tree.get(NodeKind.COMPANY, id));
    }

    @PatchMapping(BASE + "companies/{id}")
    @Requires(value = Action.CHANGE_COMPANY_SETTINGS, target = "id")
    NodeResponse changeCompany(@PathVariable UUID id, @RequestBody NodeChange change) {
        return change(NodeKind.COMPANY, id, change);
    }

    @DeleteMapping(BASE + "companies/{id}")
    @Requires(value = Action.DELETE_COMPANY, target = "id")
    DeletedResponse deleteCompany(@PathVariable UUID id) {
        return delete(NodeKind.COMPANY, id);
    }

    @PostMapping(BASE + "companies/{id}/restore")
    @Requires(value = Action.DELETE_COMPANY, target = "id")
    NodeResponse restoreCompany(@PathVariable UUID id) {
        return NodeResponse.of(tree.restore(NodeKind.COMPANY, id, actor()));
    }

    // Brands, below a company.

    @PostMapping(BASE + "companies/{companyId}/brands")
    @Requires(value = Action.MANAGE_BRANDS, target = "companyId")
    ResponseEntity<NodeResponse> createBrand(@PathVariable UUID companyId, @RequestBody NewNode request) {
        return create(NodeKind.BRAND, companyId, request);
    }

    @GetMapping(BASE + "companies/{companyId}/brands")
    @Requires(value = Action.VIEW, target = "companyId")
    PageResponse brands(
            @PathVariable UUID companyId,
            @RequestParam(defaultValue = LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return list(NodeKind.BRAND, companyId, limit, cursor);
    }

    @GetMapping(BASE + "brands/{id}")
    @Requires(value = Action.VIEW, target = "id")
    NodeResponse brand(@PathVariable UUID id) {
        return NodeResponse.of(tree.get(NodeKind.BRAND, id));
    }

    @PatchMapping(BASE + "brands/{id}")
    @Requires(value = Action.MANAGE_BRANDS, target = "id")
    NodeResponse changeBrand(@PathVariable UUID id, @RequestBody NodeChange change) {
        return change(NodeKind.BRAND, id, change);
    }

    @DeleteMapping(BASE + "brands/{id}")
    @Requires(value = Action.MANAGE_BRANDS, target = "id")
    DeletedResponse deleteBrand(@PathVariable UUID id) {
        return delete(NodeKind.BRAND, id);
    }

    @PostMapping(BASE + "brands/{id}/restore")
    @Requires(value = Action.MANAGE_BRANDS, target = "id")
    NodeResponse restoreBrand(@PathVariable UUID id) {
        return NodeResponse.of(tree.restore(NodeKind.BRAND, id, actor()));
    }

    // Seasons, below a brand.

    @PostMapping(BASE + "brands/{brandId}/seasons")
    @Requires(value = Action.MANAGE_SEASONS, target = "brandId")
    ResponseEntity<NodeResponse> createSeason(@PathVariable UUID brandId, @RequestBody NewNode request) {
        return create(NodeKind.SEASON, brandId, request);
    }

    @GetMapping(BASE + "brands/{brandId}/seasons")
    @Requires(value = Action.VIEW, target = "brandId")
    PageResponse seasons(
            @PathVariable UUID brandId,
            @RequestParam(defaultValue = LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return list(NodeKind.SEASON, brandId, limit, cursor);
    }

    @GetMapping(BASE + "seasons/{id}")
    @Requires(value = Action.VIEW, target = "id")
    NodeResponse season(@PathVariable UUID id) {
        return NodeResponse.of(tree.get(NodeKind.SEASON, id));
    }

    @PatchMapping(BASE + "seasons/{id}")
    @Requires(value = Action.MANAGE_SEASONS, target = "id")
    NodeResponse changeSeason(@PathVariable UUID id, @RequestBody NodeChange change) {
        return change(NodeKind.SEASON, id, change);
    }

    @DeleteMapping(BASE + "seasons/{id}")
    @Requires(value = Action.MANAGE_SEASONS, target = "id")
    DeletedResponse deleteSeason(@PathVariable UUID id) {
        return delete(NodeKind.SEASON, id);
    }

    @PostMapping(BASE + "seasons/{id}/restore")
    @Requires(value = Action.MANAGE_SEASONS, target = "id")
    NodeResponse restoreSeason(@PathVariable UUID id) {
        return NodeResponse.of(tree.restore(NodeKind.SEASON, id, actor()));
    }

    // Workrooms, below a season.

    @PostMapping(BASE + "seasons/{seasonId}/workrooms")
    @Requires(value = Action.MANAGE_WORKROOMS, target = "seasonId")
    ResponseEntity<NodeResponse> createWorkroom(@PathVariable UUID seasonId, @RequestBody NewNode request) {
        return create(NodeKind.WORKROOM, seasonId, request);
    }

    @GetMapping(BASE + "seasons/{seasonId}/workrooms")
    @Requires(value = Action.VIEW, target = "seasonId")
    PageResponse workrooms(
            @PathVariable UUID seasonId,
            @RequestParam(defaultValue = LIMIT) int limit,
            @RequestParam(required = false) @Nullable String cursor) {
        return list(NodeKind.WORKROOM, seasonId, limit, cursor);
    }

    @GetMapping(BASE + "workrooms/{id}")
    @Requires(value = Action.VIEW, target = "id")
    NodeResponse workroom(@PathVariable UUID id) {
        return NodeResponse.of(tree.get(NodeKind.WORKROOM, id));
    }

    @PatchMapping(BASE + "workrooms/{id}")
    @Requires(value = Action.MANAGE_WORKROOMS, target = "id")
    NodeResponse changeWorkroom(@PathVariable UUID id, @RequestBody NodeChange change) {
        return change(NodeKind.WORKROOM, id, change);
    }

    @DeleteMapping(BASE + "workrooms/{id}")
    @Requires(value = Action.MANAGE_WORKROOMS, target = "id")
    DeletedResponse deleteWorkroom(@PathVariable UUID id) {
        return delete(NodeKind.WORKROOM, id);
    }

    @PostMapping(BASE + "workrooms/{id}/restore")
    @Requires(value = Action.MANAGE_WORKROOMS, target = "id")
    NodeResponse restoreWorkroom(@PathVariable UUID id) {
        return NodeResponse.of(tree.restore(NodeKind.WORKROOM, id, actor()));
    }

    private ResponseEntity<NodeResponse> create(NodeKind kind, UUID parentId, NewNode request) {
        TreeNode node = tree.create(kind, parentId, request.name(), actor());
        return ResponseEntity.created(URI.create(BASE + collection(kind) + "/" + node.id()))
                .body(NodeResponse.of(node));
    }

    private PageResponse list(NodeKind kind, UUID parentId, int limit, @Nullable String cursor) {
        Page<TreeNode> page = tree.children(
                kind, parentId, limit, cursor, authorization.childrenAllowing(Action.VIEW, parentId, level(kind)));
        return new PageResponse(page.items().stream().map(NodeResponse::of).toList(), page.nextCursor());
    }

    /** A rename, a move (which the tree guards: the same action on the new parent), or both. */
    private NodeResponse change(NodeKind kind, UUID id, NodeChange change) {
        if (change.name() == null && change.parentId() == null) {
            throw new InvalidNameException("Give a new name, a new parentId, or both.");
        }
        if (change.name() != null) {
            Tree.normalisedName(change.name()); // refuse a bad name before anything changes
        }
        TreeNode node = tree.get(kind, id);
        if (change.parentId() != null) {
            // The tree asks the access module whether the caller may put the node below the new parent.
            node = tree.move(kind, id, change.parentId(), actor());
        }
        return NodeResponse.of(change.name() == null ? node : tree.rename(kind, id, change.name(), actor()));
    }

    private DeletedResponse delete(NodeKind kind, UUID id) {
        NodeDeleted deleted = tree.delete(kind, id, actor());
        return new DeletedResponse(deleted.nodeId(), deleted.nodesTaken(), deleted.restorableUntil());
    }

    /** The signed-in caller, who acts on the tree (on its trail). */
    private AuditActor actor() {
        return AuditActor.account(callers.current().orElseThrow().accountId());
    }

    private static String collection(NodeKind kind) {
        return switch (kind) {
            case COMPANY -> "companies";
            case BRAND -> "brands";
            case SEASON -> "seasons";
            case WORKROOM -> "workrooms";
        };
    }

    private static Level level(NodeKind kind) {
        return switch (kind) {
            case COMPANY -> Level.COMPANY;
            case BRAND -> Level.BRAND;
            case SEASON -> Level.SEASON;
            case WORKROOM -> Level.WORKROOM;
        };
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
