package io.selvedge.web;

import io.selvedge.access.AccessRequest;
import io.selvedge.access.AccessRequests;
import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.collab.Notifications;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.LaidOutPage;
import io.selvedge.web.shell.ChosenGroup;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page's layout needs in its model: the web module's pages, and every other module's page
 * controller that renders the layout ({@link LaidOutPage}, such as the alert pages), so that the staff access
 * banner is on every page a staff member sees.
 */
@ControllerAdvice(basePackageClasses = WebLayout.class, assignableTypes = LaidOutPage.class)
@RequiredArgsConstructor
class WebLayout {

    private final Callers callers;
    private final Notifications notifications;
    private final Authorization authorization;
    private final AccessRequests accessRequests;

    @ModelAttribute("signedIn")
    boolean signedIn(Principal principal) {
        return principal != null;
    }

    /** The path of the page, to mark the menu's current entry. */
    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        return request.getRequestURI();
    }

    /** The header's unread count: one counting query per signed-in page (none for staff). */
    @ModelAttribute("unreadCount")
    long unreadCount(Principal principal) {
        return customer(principal).map(c -> notifications.unread(c.accountId())).orElse(0L);
    }

    /** The admin console's link, for admins and operators of the group chosen on the home page. */
    @ModelAttribute("adminGroup")
    UUID adminGroup(Principal principal, HttpServletRequest request) {
        UUID group = ChosenGroup.remembered(request.getSession(false));
        if (group == null || customer(principal).isEmpty()) {
            return null;
        }
        return authorization.allows(Action.VIEW_GROUP_SETTINGS, group) ? group : null;
    }

    /**
     * The banner of a staff member holding open access requests: every page they see while one is open says
     * so (read from the store at each page, as the decisions are). Empty for everyone else.
     */
    @ModelAttribute("staffAccess")
    List<AccessRequest> staffAccess(Principal principal) {
        if (principal == null) {
            return List.of();
        }
        return accessRequests.openForCaller();
    }

    /** For the admins of the chosen group: how many staff access requests wait for their decision. */
    @ModelAttribute("pendingAccessRequests")
    long pendingAccessRequests(Principal principal, HttpServletRequest request) {
        UUID group = ChosenGroup.remembered(request.getSession(false));
        if (group == null
                || customer(principal).isEmpty()
                || !authorization.allows(Action.DECIDE_ACCESS_REQUESTS, group)) {
            return 0;
        }
        return accessRequests.ofGroup(group).stream()
                .filter(waiting -> waiting.status() == AccessRequest.Status.PENDING)
                .count();
    }

    private Optional<Caller> customer(Principal principal) {
        if (principal == null) {
            return Optional.empty();
        }
        return callers.current().filter(c -> !c.staff());
    }
}
