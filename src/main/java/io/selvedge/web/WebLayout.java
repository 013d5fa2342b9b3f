package io.selvedge.web;

import io.selvedge.access.Action;
import io.selvedge.access.Authorization;
import io.selvedge.collab.Notifications;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.web.shell.ChosenGroup;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs in its model. */
@ControllerAdvice(basePackageClasses = WebLayout.class)
class WebLayout {

    private final Callers callers;
    private final Notifications notifications;
    private final Authorization authorization;

    WebLayout(Callers callers, Notifications notifications, Authorization authorization) {
        this.callers = callers;
        this.notifications = notifications;
        this.authorization = authorization;
    }

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

    private Optional<Caller> customer(Principal principal) {
        if (principal == null) {
            return Optional.empty();
        }
        return callers.current().filter(c -> !c.staff());
    }
}
