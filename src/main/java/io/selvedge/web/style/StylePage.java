package io.selvedge.web.style;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.content.Style;
import io.selvedge.content.Styles;
import io.selvedge.tenancy.Groups;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.NodeLocation;
import io.selvedge.tenancy.Tree;
import io.selvedge.web.Crumb;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A style's page: the 3D viewer, its versions, comments with pins, approval, sharing. */
@Controller
class StylePage {

    private final Styles styles;
    private final StyleView view;
    private final Tree tree;
    private final Groups groups;
    private final Authorization authorization;

    StylePage(Styles styles, StyleView view, Tree tree, Groups groups, Authorization authorization) {
        this.styles = styles;
        this.view = view;
        this.tree = tree;
        this.groups = groups;
        this.authorization = authorization;
    }

    @GetMapping("/styles/{id}")
    @Requires(value = Action.VIEW, target = "id")
    String page(@PathVariable UUID id, @RequestParam(required = false) UUID version, Model model) {
        Style style = styles.get(id);
        view.page(style, version, model);
        model.addAttribute("crumbs", crumbs(style));
        return "style/style";
    }

    /**
     * Group › company › brand › season › workroom › style, each step the caller may see. (To be replaced
     * by the shell's {@code Breadcrumbs} once it lands.)
     */
    private List<Crumb> crumbs(Style style) {
        List<Crumb> crumbs = new ArrayList<>();
        if (authorization.allows(Action.VIEW_GROUP, style.groupId())) {
            crumbs.add(new Crumb(groups.get(style.groupId()).name(), "/groups/" + style.groupId()));
        }
        NodeLocation location = tree.locate(style.workroomId()).orElse(null);
        if (location != null) {
            for (NodeLocation.Step step : location.path()) {
                if (authorization.allows(Action.VIEW, step.id())) {
                    String name = tree.get(step.kind(), step.id()).name();
                    crumbs.add(new Crumb(name, "/" + plural(step.kind()) + "/" + step.id()));
                }
            }
        }
        crumbs.add(new Crumb(style.name(), "/styles/" + style.id()));
        return crumbs;
    }

    private static String plural(NodeKind kind) {
        return switch (kind) {
            case COMPANY -> "companies";
            default -> kind.name().toLowerCase(Locale.ROOT) + "s";
        };
    }
}
