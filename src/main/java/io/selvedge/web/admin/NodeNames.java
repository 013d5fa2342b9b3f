package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Level;
import io.selvedge.access.ResourcePath;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Page;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * How the console names the nodes roles are granted on. A node's name is content: shown only to a caller who
 * may view the node (a group operator sees its level and the start of its id, as the API gives them).
 */
@Component
@RequiredArgsConstructor
class NodeNames {

    private static final int MOST_CHOICES = 200;

    private final Authorization authorization;
    private final Tree tree;

    /** A node of a group, as a row or a choice shows it. */
    record NamedNode(UUID id, Level level, String name) {}

    NamedNode of(Group group, UUID nodeId) {
        if (nodeId.equals(group.id())) {
            return new NamedNode(group.id(), Level.GROUP, group.name());
        }
        Level level = authorization.locate(nodeId).map(ResourcePath::level).orElse(Level.STYLE);
        NodeKind kind = kindOf(level);
        String name = kind != null && authorization.allows(Action.VIEW, nodeId)
                ? tree.get(kind, nodeId).name()
                : nodeId.toString().substring(0, 8);
        return new NamedNode(nodeId, level, name);
    }

    /** Whether the node is the group or one of its nodes. */
    boolean inGroup(UUID groupId, UUID nodeId) {
        Optional<ResourcePath> path = authorization.locate(nodeId);
        return path.isPresent() && path.get().groupId().equals(groupId);
    }

    /** Where member roles may be granted: the group, its companies and their brands (the caller may view). */
    List<NamedNode> memberNodes(Group group) {
        List<NamedNode> nodes = new ArrayList<>();
        nodes.add(new NamedNode(group.id(), Level.GROUP, group.name()));
        for (TreeNode company : children(NodeKind.COMPANY, group.id(), Level.COMPANY)) {
            nodes.add(new NamedNode(company.id(), Level.COMPANY, company.name()));
            for (TreeNode brand : children(NodeKind.BRAND, company.id(), Level.BRAND)) {
                nodes.add(new NamedNode(brand.id(), Level.BRAND, company.name() + " › " + brand.name()));
            }
        }
        return nodes;
    }

    private List<TreeNode> children(NodeKind kind, UUID parentId, Level level) {
        Page<TreeNode> page = tree.children(
                kind, parentId, MOST_CHOICES, null, authorization.childrenAllowing(Action.VIEW, parentId, level));
        return page.items();
    }

    private static NodeKind kindOf(Level level) {
        return switch (level) {
            case COMPANY -> NodeKind.COMPANY;
            case BRAND -> NodeKind.BRAND;
            case SEASON -> NodeKind.SEASON;
            case WORKROOM -> NodeKind.WORKROOM;
            case GROUP, STYLE -> null;
        };
    }
}
