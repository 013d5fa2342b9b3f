package io.selvedge.web.workroom;

import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeLocation;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.web.Crumb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The workroom's breadcrumbs: group, company, brand, season, workroom. Stands in until the shell's
 * {@code io.selvedge.web.Breadcrumbs} is on main; then {@link #of} becomes one call to it.
 */
@Component
class WorkroomCrumbs {

    private final Tree tree;
    private final Groups groups;

    WorkroomCrumbs(Tree tree, Groups groups) {
        this.tree = tree;
        this.groups = groups;
    }

    List<Crumb> of(TreeNode workroom) {
        NodeLocation location = tree.locate(workroom.id()).orElseThrow();
        List<Crumb> crumbs = new ArrayList<>();
        crumbs.add(new Crumb(groups.get(location.groupId()).name(), "/groups/" + location.groupId()));
        for (NodeLocation.Step step : location.path()) {
            String name = step.id().equals(workroom.id())
                    ? workroom.name()
                    : tree.get(step.kind(), step.id()).name();
            crumbs.add(new Crumb(name, "/" + step.kind().name().toLowerCase(Locale.ROOT) + "s/" + step.id()));
        }
        return crumbs;
    }
}
