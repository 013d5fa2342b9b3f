package io.selvedge.monitoring.internal;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.access.Requires;
import io.selvedge.identity.Callers;
import io.selvedge.platform.LaidOutPage;
import io.selvedge.web.AdminConsole;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The alerts section of a group's admin console: the group's alerts, newest first, each with its timeline and
 * runbook, and (for those allowed {@link Action#MANAGE_ALERTS}) the forms that acknowledge and resolve it.
 */
@Controller
@RequiredArgsConstructor
class GroupAlertsPage implements LaidOutPage {

    private static final int SHOWN = 100;

    private final AdminConsole frame;
    private final AlertConsole console;
    private final AlertBook book;
    private final Authorization authorization;
    private final Callers callers;
    private final AlertProperties properties;

    @GetMapping("/admin/groups/{groupId}/alerts")
    @Requires(value = Action.SEE_ALERTS, target = "groupId")
    String page(@PathVariable UUID groupId, Model model) {
        frame.frame(model, groupId, "alerts");
        model.addAttribute(
                "lines",
                console.alertsOf(groupId, new AlertRows.Filter(null, null, null), SHOWN, null).items().stream()
                        .map(alert -> new AlertLine(
                                alert, console.timelineOf(alert), properties.runbookOf(alert.detection())))
                        .toList());
        model.addAttribute("manage", authorization.allows(Action.MANAGE_ALERTS, groupId));
        return "monitoring/alerts";
    }

    @PostMapping("/admin/groups/{groupId}/alerts/{alertId}/acknowledge")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    String acknowledge(
            @PathVariable UUID groupId,
            @PathVariable UUID alertId,
            Authentication authentication,
            RedirectAttributes shown) {
        UUID by = callers.of(authentication).orElseThrow(AlertNotFound::new).accountId();
        book.acknowledge(new AlertBook.AlertRef(alertId, groupId), by);
        shown.addFlashAttribute("notice", "monitoring.alert.acknowledged");
        return "redirect:/admin/groups/" + groupId + "/alerts";
    }

    @PostMapping("/admin/groups/{groupId}/alerts/{alertId}/resolve")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    String resolve(
            @PathVariable UUID groupId,
            @PathVariable UUID alertId,
            Authentication authentication,
            RedirectAttributes shown) {
        UUID by = callers.of(authentication).orElseThrow(AlertNotFound::new).accountId();
        book.resolve(new AlertBook.AlertRef(alertId, groupId), by);
        shown.addFlashAttribute("notice", "monitoring.alert.resolved");
        return "redirect:/admin/groups/" + groupId + "/alerts";
    }
}
