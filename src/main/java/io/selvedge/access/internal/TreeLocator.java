package io.selvedge.access.internal;

import io.selvedge.access.Level;
import io.selvedge.access.ResourceLocator;
import io.selvedge.access.ResourcePath;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.NodeLocation;
import io.selvedge.tenancy.Tree;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Groups and the nodes of their trees, as tenancy places them. Asked first. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@RequiredArgsConstructor
class TreeLocator implements ResourceLocator {

    private final Tree tree;

    @Override
    public Optional<ResourcePath> locate(UUID id) {
        return tree.locate(id).map(TreeLocator::path);
    }

    static ResourcePath path(NodeLocation location) {
        List<ResourcePath.Step> steps = new ArrayList<>(location.path().size() + 1);
        steps.add(new ResourcePath.Step(location.groupId(), Level.GROUP, false));
        for (NodeLocation.Step step : location.path()) {
            steps.add(new ResourcePath.Step(step.id(), level(step.kind()), step.deleted()));
        }
        return new ResourcePath(location.groupId(), steps);
    }

    static Level level(NodeKind kind) {
        return switch (kind) {
            case COMPANY -> Level.COMPANY;
            case BRAND -> Level.BRAND;
            case SEASON -> Level.SEASON;
            case WORKROOM -> Level.WORKROOM;
        };
    }
}
