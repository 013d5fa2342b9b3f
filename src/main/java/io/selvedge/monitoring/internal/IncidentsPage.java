package io.selvedge.monitoring.internal;

import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.LaidOutPage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The staff's incidents page ({@code /platform/incidents}): every alert still open or acknowledged, by
 * severity, each with its timeline and runbook, and the forms that acknowledge and resolve it. The same rules
 * as the API: staff allowed {@link StaffAction#SEE_ALERTS} read, {@link StaffAction#MANAGE_ALERTS} act.
 */
@Controller
@RequiredArgsConstructor
class IncidentsPage implements LaidOutPage {

    static final String PATH = "/platform/incidents";
    private static final String BY_STAFF = "platform staff whose role allows SEE_ALERTS (MANAGE_ALERTS to change),"
            + " checked by the handler; anyone else finds no page";
    private static final int SHOWN = 200;

    private final AlertConsole console;
    private final AlertBook book;
    private final Callers callers;
    private final AlertProperties properties;

    @GetMapping(PATH)
    @AnyCaller(BY_STAFF)
    String page(Authentication authentication, Model model) {
        staff(authentication, StaffAction.SEE_ALERTS);
        List<Alert> current = new ArrayList<>();
        for (AlertStatus status : List.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED)) {
            current.addAll(console.everyAlert(new AlertRows.Filter(status, null, null), SHOWN, null)
                    .items());
        }
        current.sort(Comparator.comparing(Alert::lastSeen).reversed());
        Map<AlertSeverity, List<AlertLine>> bySeverity = new LinkedHashMap<>();
        for (AlertSeverity severity : List.of(AlertSeverity.CRITICAL, AlertSeverity.WARNING, AlertSeverity.INFO)) {
            List<AlertLine> lines = current.stream()
                    .filter(alert -> alert.severity() == severity)
                    .map(alert ->
                            new AlertLine(alert, console.timelineOf(alert), properties.runbookOf(alert.detection())))
                    .toList();
            if (!lines.isEmpty()) {
                bySeverity.put(severity, lines);
            }
        }
        model.addAttribute("bySeverity", bySeverity);
        model.addAttribute("manage", StaffAction.MANAGE_ALERTS.allowedTo(authentication));
        return "monitoring/incidents";
    }

    @PostMapping(PATH + "/{alertId}/acknowledge")
    @AnyCaller(BY_STAFF)
    String acknowledge(@PathVariable UUID alertId, Authentication authentication, RedirectAttributes shown) {
        Caller caller = staff(authentication, StaffAction.MANAGE_ALERTS);
        Alert alert = console.anyAlert(alertId).orElseThrow(AlertNotFound::new).alert();
        book.acknowledge(new AlertBook.AlertRef(alertId, alert.groupId()), caller.accountId());
        shown.addFlashAttribute("notice", "monitoring.alert.acknowledged");
        return "redirect:" + PATH;
    }

    @PostMapping(PATH + "/{alertId}/resolve")
    @AnyCaller(BY_STAFF)
    String resolve(@PathVariable UUID alertId, Authentication authentication, RedirectAttributes shown) {
        Caller caller = staff(authentication, StaffAction.MANAGE_ALERTS);
        Alert alert = console.anyAlert(alertId).orElseThrow(AlertNotFound::new).alert();
        book.resolve(new AlertBook.AlertRef(alertId, alert.groupId()), caller.accountId());
        shown.addFlashAttribute("notice", "monitoring.alert.resolved");
        return "redirect:" + PATH;
    }

    private Caller staff(Authentication authentication, StaffAction action) {
        return AlertNotFound.unlessStaffMay(action, callers, authentication);
    }
}
