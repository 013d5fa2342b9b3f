package io.selvedge.web.shell;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.content.Style;
import io.selvedge.content.StyleQuery;
import io.selvedge.content.Styles;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.storage.Stores;
import io.selvedge.tenancy.Group;
import io.selvedge.tenancy.NodeKind;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The home page: for a customer, their groups (a switcher), the tree they may see in the chosen group
 * with forms to create where they may, their favourite and recently changed styles; for platform staff,
 * the first-run path (create a customer's group and invite its first admin).
 */
@Controller
@RequiredArgsConstructor
class HomeController {

    /** How many styles the home page lists as favourites and as recent. */
    static final int STYLES_LISTED = 8;

    /** How many workrooms are looked at for recent styles (the busiest lists live on workroom pages). */
    static final int WORKROOMS_FOR_RECENT = 20;

    private final Callers callers;
    private final ChosenGroup chosen;
    private final TreeView treeView;
    private final Authorization authorization;
    private final Styles styles;
    private final Stores stores;

    @GetMapping("/")
    @AnyCaller("shows each signed-in person only their own groups, and in them only what they may see")
    String home(
            @RequestParam(name = "group", required = false) @Nullable UUID asked,
            Authentication authentication,
            HttpSession session,
            Model model) {
        Caller caller = callers.of(authentication).orElseThrow();
        model.addAttribute("username", authentication.getName());
        if (caller.staff()) {
            model.addAttribute("staff", true);
            model.addAttribute("platformAdmin", Callers.isPlatformAdmin(authentication));
            model.addAttribute("regions", stores.regions().stream().sorted().toList());
            return "home";
        }
        List<Group> groups = chosen.groupsOf(caller);
        model.addAttribute("groups", groups);
        Optional<Group> group = chosen.choose(groups, asked, session);
        Predicate<UUID> visible = id -> authorization.allows(Action.VIEW, id);
        model.addAttribute(
                "favourites",
                styles.favourites(caller.accountId(), visible).stream()
                        .limit(STYLES_LISTED)
                        .toList());
        if (group.isPresent()) {
            UUID groupId = group.get().id();
            List<TreeView.Item> items = treeView.of(groupId, caller.accountId());
            model.addAttribute("group", group.get());
            model.addAttribute("tree", items);
            model.addAttribute("mayCreateCompany", authorization.allows(Action.CREATE_COMPANY, groupId));
            model.addAttribute("recent", recent(items, visible));
        }
        return "home";
    }

    /** The styles changed last in the workrooms shown; nothing records views, so changes stand for use. */
    private List<Style> recent(List<TreeView.Item> items, Predicate<UUID> visible) {
        List<UUID> workrooms = new ArrayList<>();
        collectWorkrooms(items, workrooms, new HashSet<>());
        List<Style> found = new ArrayList<>();
        StyleQuery newest = new StyleQuery(null, null, StyleQuery.Sort.UPDATED, STYLES_LISTED, null);
        for (UUID workroom : workrooms.subList(0, Math.min(workrooms.size(), WORKROOMS_FOR_RECENT))) {
            found.addAll(styles.list(workroom, newest, visible).items());
        }
        found.sort(Comparator.comparing(Style::updatedAt).reversed());
        return found.stream().limit(STYLES_LISTED).toList();
    }

    private static void collectWorkrooms(List<TreeView.Item> items, List<UUID> into, java.util.Set<UUID> seen) {
        for (TreeView.Item item : items) {
            if (item.node().kind() == NodeKind.WORKROOM && seen.add(item.node().id())) {
                into.add(item.node().id());
            }
            collectWorkrooms(item.children(), into, seen);
        }
    }
}
