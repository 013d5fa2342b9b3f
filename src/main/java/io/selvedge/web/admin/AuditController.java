package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.audit.AuditEntry;
import io.selvedge.audit.AuditFilter;
import io.selvedge.audit.AuditPage;
import io.selvedge.audit.AuditTrail;
import io.selvedge.identity.AccountDirectory;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The group's audit trail: filters, pages newest first, links to the API's CSV and JSON Lines exports of the
 * same filter, and the chain's verification. A node's name (content) is shown only to who may view the node,
 * as the API does.
 */
@Controller
@RequiredArgsConstructor
class AuditController {

    private static final int PAGE_SIZE = 50;
    private static final Set<String> CONTENT_KINDS = Set.of("company", "brand", "season", "workroom", "style");

    private final AdminPage page;
    private final AuditTrail trail;
    private final AccountDirectory directory;

    @GetMapping("/admin/groups/{groupId}/audit")
    @Requires(value = Action.READ_AUDIT, target = "groupId")
    String audit(
            @PathVariable UUID groupId,
            @ModelAttribute("filters") AuditFilterForm filters,
            @RequestParam(required = false) @Nullable String cursor,
            HttpServletResponse response,
            Model model) {
        page.frame(model, groupId, Section.AUDIT);
        model.addAttribute("outcomes", List.of("succeeded", "failed", "denied"));
        String base = "/api/v1/groups/" + groupId + "/audit-events/export";
        try {
            AuditFilter filter = filters.filter(directory);
            AuditPage found = trail.find(groupId, filter, PAGE_SIZE, cursor);
            String query = filters.query(directory);
            String and = query == null || query.isEmpty() ? "" : "&" + query;
            model.addAttribute(
                    "entries", found.entries().stream().map(this::shown).toList());
            model.addAttribute("nextCursor", found.nextCursor());
            model.addAttribute("csv", base + "?format=csv" + and);
            model.addAttribute("jsonl", base + "?format=jsonl" + and);
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            String key = e.getMessage() != null && e.getMessage().startsWith("admin.") ? e.getMessage() : null;
            model.addAttribute("problem", page.text(key == null ? "admin.audit.badCursor" : key));
            model.addAttribute("entries", List.of());
        }
        return "admin/audit";
    }

    /** The verify button: the result as a fragment for htmx, or the whole page without script. */
    @GetMapping("/admin/groups/{groupId}/audit/verify")
    @Requires(value = Action.READ_AUDIT, target = "groupId")
    String verify(
            @PathVariable UUID groupId,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("verification", trail.verify(groupId));
        if (htmx != null) {
            return "admin/audit :: verification";
        }
        return audit(groupId, new AuditFilterForm(null, null, null, null, null, null, null), null, response, model);
    }

    private AuditEntry shown(AuditEntry entry) {
        if (entry.targetName() == null || !CONTENT_KINDS.contains(entry.targetKind()) || entry.targetId() == null) {
            return entry;
        }
        try {
            return page.allows(Action.VIEW, UUID.fromString(entry.targetId())) ? entry : entry.withoutTargetName();
        } catch (IllegalArgumentException e) {
            return entry.withoutTargetName();
        }
    }
}
