package io.selvedge.web.shell;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Grant;
import io.selvedge.access.Grants;
import io.selvedge.access.Level;
import io.selvedge.access.ResourcePath;
import io.selvedge.tenancy.NoSuchNodeException;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.web.Breadcrumbs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The part of a group's tree a person may see, for the home page: the companies they may view, and
 * below them what they may view; a node they were given a role or a share on below a node they may not
 * see (a brand collaborator's brand, a viewer's workroom) becomes a root of its own, so no name they may
 * not see is shown.
 */
@Component
@RequiredArgsConstructor
class TreeView {

    /** More than a home page lists at one level; the node's own page lists the rest. */
    static final int PER_LEVEL = 200;

    private final Tree tree;
    private final Authorization authorization;
    private final Grants grants;

    /** A node, the link to its page, whether the caller may create below it, and its visible children. */
    record Item(TreeNode node, String href, boolean mayCreateChild, List<Item> children) {

        @Nullable
        public NodeKind childKind() {
            return node.kind().child();
        }

        /** Where the form creating a child posts (see NodeController). */
        @Nullable
        public String createHref() {
            NodeKind child = childKind();
            return child == null ? null : href + "/" + child.auditName() + "s";
        }
    }

    List<Item> of(UUID groupId, UUID accountId) {
        Set<UUID> shown = new LinkedHashSet<>();
        List<Item> roots = new ArrayList<>(children(NodeKind.COMPANY, groupId, shown));
        for (Grant grant : grants.grantsOf(accountId)) {
            if (grant.groupId().equals(groupId) && !shown.contains(grant.nodeId())) {
                rootOf(grant.nodeId(), shown).ifPresent(roots::add);
            }
        }
        return roots;
    }

    /** A node's children the caller may view, each with its own visible subtree. */
    List<Item> children(NodeKind kind, UUID parentId, Set<UUID> shown) {
        Level level = Level.valueOf(kind.name());
        List<Item> items = new ArrayList<>();
        for (TreeNode node : tree.children(
                        kind, parentId, PER_LEVEL, null, authorization.childrenAllowing(Action.VIEW, parentId, level))
                .items()) {
            items.add(item(node, shown));
        }
        return items;
    }

    Item item(TreeNode node, Set<UUID> shown) {
        shown.add(node.id());
        NodeKind child = node.kind().child();
        List<Item> children = child == null ? List.of() : children(child, node.id(), shown);
        return new Item(
                node, Breadcrumbs.href(Level.valueOf(node.kind().name()), node.id()), mayCreateBelow(node), children);
    }

    boolean mayCreateBelow(TreeNode node) {
        Action create = switch (node.kind()) {
            case COMPANY -> Action.MANAGE_BRANDS;
            case BRAND -> Action.MANAGE_SEASONS;
            case SEASON -> Action.MANAGE_WORKROOMS;
            case WORKROOM -> null;
        };
        return create != null && authorization.allows(create, node.id());
    }

    private java.util.Optional<Item> rootOf(UUID nodeId, Set<UUID> shown) {
        return authorization
                .locate(nodeId)
                .map(ResourcePath::target)
                .filter(step -> !step.deleted() && step.level() != Level.GROUP && step.level() != Level.STYLE)
                .filter(step -> authorization.allows(Action.VIEW, nodeId))
                .flatMap(step -> {
                    try {
                        return java.util.Optional.of(
                                item(tree.get(NodeKind.valueOf(step.level().name()), nodeId), shown));
                    } catch (NoSuchNodeException e) {
                        return java.util.Optional.empty();
                    }
                });
    }
}
