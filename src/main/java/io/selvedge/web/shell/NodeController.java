package io.selvedge.web.shell;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AuditActor;
import io.selvedge.tenancy.InvalidNameException;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.web.Breadcrumbs;
import io.selvedge.web.RefusalPage;
import java.util.HashSet;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of companies, brands and seasons (what is below them, with breadcrumbs), and the small forms
 * that create a company, brand, season or workroom from the home page or a node's page.
 */
@RefusalPage("node-missing")
@Controller
@RequiredArgsConstructor
class NodeController {

    private final Tree tree;
    private final TreeView treeView;
    private final Breadcrumbs breadcrumbs;
    private final Callers callers;

    @GetMapping("/companies/{id}")
    @Requires(value = Action.VIEW, target = "id")
    String company(@PathVariable UUID id, Model model) {
        return page(NodeKind.COMPANY, id, model);
    }

    @GetMapping("/brands/{id}")
    @Requires(value = Action.VIEW, target = "id")
    String brand(@PathVariable UUID id, Model model) {
        return page(NodeKind.BRAND, id, model);
    }

    @GetMapping("/seasons/{id}")
    @Requires(value = Action.VIEW, target = "id")
    String season(@PathVariable UUID id, Model model) {
        return page(NodeKind.SEASON, id, model);
    }

    @PostMapping("/groups/{id}/companies")
    @Requires(value = Action.CREATE_COMPANY, target = "id")
    String createCompany(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            Authentication who,
            RedirectAttributes r) {
        return create(NodeKind.COMPANY, id, name, who, r, "/?group=" + id);
    }

    @PostMapping("/companies/{id}/brands")
    @Requires(value = Action.MANAGE_BRANDS, target = "id")
    String createBrand(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "home") String from,
            Authentication who,
            RedirectAttributes r) {
        return create(NodeKind.BRAND, id, name, who, r, back(from, "/companies/" + id));
    }

    @PostMapping("/brands/{id}/seasons")
    @Requires(value = Action.MANAGE_SEASONS, target = "id")
    String createSeason(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "home") String from,
            Authentication who,
            RedirectAttributes r) {
        return create(NodeKind.SEASON, id, name, who, r, back(from, "/brands/" + id));
    }

    @PostMapping("/seasons/{id}/workrooms")
    @Requires(value = Action.MANAGE_WORKROOMS, target = "id")
    String createWorkroom(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "home") String from,
            Authentication who,
            RedirectAttributes r) {
        return create(NodeKind.WORKROOM, id, name, who, r, back(from, "/seasons/" + id));
    }

    /** A node of another kind than the page's (a brand's id on /companies/...), or deleted meanwhile. */
    private String page(NodeKind kind, UUID id, Model model) {
        TreeNode node = tree.get(kind, id);
        model.addAttribute("node", node);
        model.addAttribute("crumbs", breadcrumbs.of(id));
        model.addAttribute("mayCreateChild", treeView.mayCreateBelow(node));
        model.addAttribute("childKind", kind.child());
        model.addAttribute("children", treeView.children(kind.child(), id, new HashSet<>()));
        return "node";
    }

    /** Back to the page the form was on: the node's own page, or home (the only two places with forms). */
    private static String back(String from, String nodePage) {
        return "page".equals(from) ? nodePage : "/";
    }

    private String create(
            NodeKind kind, UUID parentId, String name, Authentication who, RedirectAttributes r, String back) {
        AuditActor creator = AuditActor.account(callers.of(who).orElseThrow().accountId());
        try {
            TreeNode created = tree.create(kind, parentId, name, creator);
            r.addFlashAttribute("created", created.name());
        } catch (InvalidNameException e) {
            r.addFlashAttribute("nameError", parentId.toString());
        }
        return "redirect:" + back;
    }
}
