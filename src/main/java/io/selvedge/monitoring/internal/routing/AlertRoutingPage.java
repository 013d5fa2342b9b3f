package io.selvedge.monitoring.internal.routing;

import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.LaidOutPage;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page "Alert routing" ({@code /platform/alert-routing}): the teams with their channels (add, test,
 * remove), the rules (add, remove), a new team. As the API ({@code /api/v1/alert-routing}): staff whose role
 * allows {@link StaffAction#MANAGE_ALERT_ROUTING}. A new webhook's secret is shown on the page that made it only.
 */
@Controller
@RequiredArgsConstructor
class AlertRoutingPage implements LaidOutPage {

    private static final String PATH = "/platform/alert-routing";
    private static final String STAFF = "platform staff whose role allows MANAGE_ALERT_ROUTING, checked by the handler";

    private final AlertRouting routing;
    private final Callers callers;

    @GetMapping(PATH)
    @AnyCaller(STAFF)
    String page(Authentication authentication, HttpServletResponse response, Model model) {
        if (staff(authentication).isEmpty()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("notAllowed", true);
            return "monitoring/alert-routing";
        }
        return shown(model);
    }

    @PostMapping(PATH + "/teams")
    @AnyCaller(STAFF)
    String addTeam(
            @RequestParam(defaultValue = "") String slug,
            @RequestParam(defaultValue = "") String name,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return act(
                authentication, response, model, saved(shown, () -> routing.addTeam(slug, name, by(authentication))));
    }

    @PostMapping(PATH + "/channels")
    @AnyCaller(STAFF)
    String addChannel(
            @RequestParam(defaultValue = "") String teamId,
            @RequestParam(defaultValue = "") String kind,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String target,
            @RequestParam(defaultValue = "") String routingKey,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return act(authentication, response, model, () -> {
            Channel channel = routing.addChannel(
                    id(teamId), new AlertRouting.ChannelSpec(kind, name, target, routingKey), by(authentication));
            ChannelForms.made(channel, model);
            return shown(model);
        });
    }

    @PostMapping(PATH + "/channels/remove")
    @AnyCaller(STAFF)
    String removeChannel(
            @RequestParam(defaultValue = "") String id,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return act(
                authentication, response, model, saved(shown, () -> routing.removeChannel(id(id), by(authentication))));
    }

    @PostMapping(PATH + "/channels/test")
    @AnyCaller(STAFF)
    String test(
            @RequestParam(defaultValue = "") String id,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return act(
                authentication,
                response,
                model,
                () -> ChannelForms.tested(routing.channel(safeId(id)).flatMap(routing::test), shown, PATH));
    }

    @PostMapping(PATH + "/rules")
    @AnyCaller(STAFF)
    String addRule(
            @RequestParam(defaultValue = "") String category,
            @RequestParam(defaultValue = "") String minSeverity,
            @RequestParam(defaultValue = "") String groupId,
            @RequestParam(defaultValue = "") String teamId,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return act(
                authentication,
                response,
                model,
                saved(
                        shown,
                        () -> routing.addRule(
                                category,
                                minSeverity,
                                groupId.isBlank() ? null : id(groupId),
                                id(teamId),
                                by(authentication))));
    }

    @PostMapping(PATH + "/rules/remove")
    @AnyCaller(STAFF)
    String removeRule(
            @RequestParam(defaultValue = "") String id,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        return act(authentication, response, model, saved(shown, () -> routing.removeRule(id(id), by(authentication))));
    }

    /**
     * Every form's handling: staff allowed only (others get the page's refusal), then the action, whose view it
     * answers with; input it refuses shows the page again with the problem (422).
     */
    private String act(
            Authentication authentication, HttpServletResponse response, Model model, Supplier<String> action) {
        if (staff(authentication).isEmpty()) {
            return page(authentication, response, model);
        }
        try {
            return action.get();
        } catch (IllegalArgumentException refused) {
            ChannelForms.refused(refused, response, model);
            return shown(model);
        }
    }

    /** An action that makes a change, then shows the page again (a redirect) saying it is saved. */
    private static Supplier<String> saved(RedirectAttributes shown, Runnable change) {
        return () -> {
            change.run();
            shown.addFlashAttribute("notice", ChannelForms.SAVED);
            return "redirect:" + PATH;
        };
    }

    private String shown(Model model) {
        List<Channel> channels = routing.channels();
        model.addAttribute(
                "teams",
                routing.teams().stream()
                        .map(team -> new TeamRow(
                                team,
                                channels.stream()
                                        .filter(c -> team.id().equals(c.teamId()))
                                        .map(ChannelView::of)
                                        .toList()))
                        .toList());
        model.addAttribute("rules", routing.rules());
        model.addAttribute("kinds", ChannelKind.values());
        model.addAttribute("severities", io.selvedge.monitoring.AlertSeverity.values());
        model.addAttribute("categories", io.selvedge.monitoring.AlertCategory.values());
        return "monitoring/alert-routing";
    }

    record TeamRow(Team team, List<ChannelView> channels) {}

    /** The staff member acting, once {@link #act} has let them. */
    private UUID by(Authentication authentication) {
        return staff(authentication).orElseThrow().accountId();
    }

    private Optional<Caller> staff(Authentication authentication) {
        return StaffAction.MANAGE_ALERT_ROUTING.staffCaller(callers, authentication);
    }

    private static UUID id(String given) {
        try {
            return UUID.fromString(given.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Choose one of the listed items.");
        }
    }

    private static UUID safeId(String given) {
        try {
            return UUID.fromString(given.strip());
        } catch (IllegalArgumentException e) {
            return new UUID(0, 0);
        }
    }
}
