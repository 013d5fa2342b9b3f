package io.selvedge.web.workroom;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.content.Stages;
import io.selvedge.content.Styles;
import io.selvedge.identity.Callers;
import io.selvedge.platform.Refusal;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.tenancy.Tree;
import io.selvedge.tenancy.TreeNode;
import io.selvedge.web.Breadcrumbs;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /workrooms/{id}}: the workroom's styles (grid, filter, search), creating a style, uploading
 * files (by {@code /js/uploads.js} over tus) and the sharing panel, each shown only to who may use it.
 */
@Controller
@RequiredArgsConstructor
class WorkroomPage {

    private final Tree tree;
    private final Styles styles;
    private final StyleGrid grid;
    private final Breadcrumbs crumbs;
    private final SharingPanel sharing;
    private final Authorization authorization;
    private final Callers callers;
    private final Clock clock;
    private final Stages stages;

    @GetMapping("/workrooms/{id}")
    @Requires(value = Action.VIEW, target = "id")
    String page(@PathVariable UUID id, Model model) {
        TreeNode workroom = tree.get(NodeKind.WORKROOM, id);
        Set<Action> allowed = authorization.allowed(id);
        model.addAttribute("workroom", workroom);
        model.addAttribute("crumbs", crumbs.of(workroom.id()));
        model.addAttribute("mayUpload", allowed.contains(Action.UPLOAD));
        model.addAttribute("mayShare", allowed.contains(Action.SHARE));
        model.addAttribute("mayLink", allowed.contains(Action.MANAGE_LINKS));
        model.addAttribute("grid", grid.of(workroom, StyleGrid.Filter.NONE));
        model.addAttribute("filter", StyleGrid.Filter.NONE);
        model.addAttribute("statuses", io.selvedge.content.StyleStatus.values());
        model.addAttribute("stages", stages.of(workroom.groupId()));
        if (allowed.contains(Action.UPLOAD)) {
            model.addAttribute("targets", grid.uploadTargets(id));
        }
        sharing.fill(id, allowed, model);
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        model.addAttribute("workroomId", id);
        model.addAttribute("linkMinDate", today.toString());
        model.addAttribute("linkMaxDate", today.plusDays(90).toString());
        model.addAttribute("linkDefaultDate", today.plusDays(14).toString());
        return "workroom";
    }

    /** The grid alone, for htmx: the filter form, paging, and refreshes after an upload or a new style. */
    @GetMapping("/workrooms/{id}/styles")
    @Requires(value = Action.VIEW, target = "id")
    String styles(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String tag,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String stage,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        TreeNode workroom = tree.get(NodeKind.WORKROOM, id);
        StyleGrid.Filter filter = StyleGrid.Filter.of(q, tag, status, stage, cursor);
        model.addAttribute("workroom", workroom);
        model.addAttribute("grid", grid.of(workroom, filter));
        model.addAttribute("filter", filter);
        return "workroom-fragments :: grid";
    }

    /** The upload form's choice of style, refreshed when styles change; keeps the one chosen. */
    @GetMapping("/workrooms/{id}/upload-targets")
    @Requires(value = Action.UPLOAD, target = "id")
    String uploadTargets(@PathVariable UUID id, @RequestParam(required = false) @Nullable String style, Model model) {
        model.addAttribute("targets", grid.uploadTargets(id));
        model.addAttribute("chosen", style);
        return "workroom-fragments :: targets";
    }

    @PostMapping("/workrooms/{id}/styles")
    @Requires(value = Action.UPLOAD, target = "id")
    String create(@PathVariable UUID id, NewStyleForm form, Model model, HttpServletResponse response) {
        try {
            var style = styles.create(id, form.name(), form.descriptionOrBlank(), form.tagList(), caller());
            model.addAttribute("created", style);
            response.setHeader("HX-Trigger", "styles-changed");
        } catch (Refusal.Invalid | IllegalArgumentException e) {
            // The services' messages are English; the page says it in the reader's language.
            model.addAttribute("form", form);
            model.addAttribute("refused", true);
        }
        return "workroom-fragments :: created";
    }

    /** The create form: tags comma-separated, as a person types them. */
    record NewStyleForm(
            @Nullable String name,
            @Nullable String description,
            @Nullable String tags) {

        List<String> tagList() {
            if (tags == null || tags.isBlank()) {
                return List.of();
            }
            return java.util.Arrays.stream(tags.split(","))
                    .map(String::strip)
                    .filter(tag -> !tag.isEmpty())
                    .distinct()
                    .toList();
        }

        String descriptionOrBlank() {
            return description == null ? "" : description;
        }
    }

    private UUID caller() {
        return callers.current().orElseThrow().accountId();
    }
}
