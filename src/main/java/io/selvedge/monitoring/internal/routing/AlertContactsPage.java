package io.selvedge.monitoring.internal.routing;

import io.selvedge.access.Action;
import io.selvedge.access.ActionDeniedException;
import io.selvedge.access.Requires;
import io.selvedge.identity.Callers;
import io.selvedge.monitoring.AlertSeverity;
import io.selvedge.platform.LaidOutPage;
import io.selvedge.web.AdminConsole;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
 * The admin console's "Where alerts are sent" ({@code /admin/groups/{id}/alert-contacts}): the group's security
 * contacts (add, test, remove a channel) and the least severe alert they receive; group admins
 * ({@link Action#MANAGE_ALERTS}), as {@code /api/v1/groups/{id}/alert-contacts}.
 */
@Controller
@RequiredArgsConstructor
class AlertContactsPage implements LaidOutPage {

    private static final String SECTION = "alert-contacts";

    private final AlertRouting routing;
    private final AdminConsole console;

    private final Callers callers;

    @GetMapping("/admin/groups/{groupId}/alert-contacts")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    String show(@PathVariable UUID groupId, Model model) {
        console.frame(model, groupId, SECTION);
        AlertRouting.Contacts contacts = routing.contactsOf(groupId);
        model.addAttribute("minSeverity", contacts.minSeverity().name());
        model.addAttribute(
                "channels", contacts.channels().stream().map(ChannelView::of).toList());
        model.addAttribute("kinds", ChannelKind.values());
        model.addAttribute("severities", AlertSeverity.values());
        return "monitoring/alert-contacts";
    }

    @PostMapping("/admin/groups/{groupId}/alert-contacts/severity")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    String severity(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String minSeverity,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return change(
                groupId,
                response,
                model,
                shown,
                current -> routing.replaceContacts(groupId, minSeverity, current, by(authentication)));
    }

    @PostMapping("/admin/groups/{groupId}/alert-contacts/channels")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    String add(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String routingKey,
            Authentication authentication,
            HttpServletResponse response,
            Model model) {
        AlertRouting.Contacts before = routing.contactsOf(groupId);
        List<AlertRouting.ContactSpec> specs = new ArrayList<>(kept(before));
        specs.add(new AlertRouting.ContactSpec(null, new AlertRouting.ChannelSpec(kind, name, target, routingKey)));
        try {
            AlertRouting.Contacts after =
                    routing.replaceContacts(groupId, before.minSeverity().name(), specs, by(authentication));
            ChannelForms.made(after.channels().get(after.channels().size() - 1), model);
        } catch (IllegalArgumentException refused) {
            ChannelForms.refused(refused, response, model);
        }
        return show(groupId, model);
    }

    @PostMapping("/admin/groups/{groupId}/alert-contacts/channels/remove")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    String remove(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String id,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return change(
                groupId,
                response,
                model,
                shown,
                current -> routing.replaceContacts(
                        groupId,
                        routing.contactsOf(groupId).minSeverity().name(),
                        current.stream()
                                .filter(spec -> !String.valueOf(spec.id()).equals(id))
                                .toList(),
                        by(authentication)));
    }

    @PostMapping("/admin/groups/{groupId}/alert-contacts/channels/test")
    @Requires(value = Action.MANAGE_ALERTS, target = "groupId")
    String test(@PathVariable UUID groupId, @RequestParam(defaultValue = "") String id, RedirectAttributes shown) {
        Optional<String> error = routing.contactsOf(groupId).channels().stream()
                .filter(c -> c.id().toString().equals(id))
                .findFirst()
                .flatMap(routing::test);
        return ChannelForms.tested(error, shown, "/admin/groups/" + groupId + "/alert-contacts");
    }

    private String change(
            UUID groupId,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown,
            java.util.function.Consumer<List<AlertRouting.ContactSpec>> replace) {
        try {
            replace.accept(kept(routing.contactsOf(groupId)));
        } catch (IllegalArgumentException refused) {
            ChannelForms.refused(refused, response, model);
            return show(groupId, model);
        }
        shown.addFlashAttribute("notice", ChannelForms.SAVED);
        return "redirect:/admin/groups/" + groupId + "/alert-contacts";
    }

    /** The group's admin acting (the page's permission let them in). */
    private UUID by(Authentication authentication) {
        return callers.of(authentication)
                .orElseThrow(ActionDeniedException::new)
                .accountId();
    }

    /** The channels as they are, by id, so each keeps its secret. */
    private static List<AlertRouting.ContactSpec> kept(AlertRouting.Contacts contacts) {
        return contacts.channels().stream()
                .map(c -> new AlertRouting.ContactSpec(
                        c.id(), new AlertRouting.ChannelSpec(c.kind().name(), c.name(), c.target(), null)))
                .toList();
    }
}
