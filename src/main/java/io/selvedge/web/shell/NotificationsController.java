package io.selvedge.web.shell;

import io.selvedge.access.Authorization;
import io.selvedge.collab.Notification;
import io.selvedge.collab.Notifications;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.web.Breadcrumbs;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * A person's notifications: the newest, each linking to the style or workroom concerned, marked read
 * one by one or all at once (htmx swaps the list; without script the page reloads).
 */
@Controller
@AnyCaller("each person reads and marks only their own notifications")
@RequiredArgsConstructor
class NotificationsController {

    static final int LISTED = 50;

    private final Notifications notifications;
    private final Callers callers;
    private final Authorization authorization;

    /** One notification as the page shows it. */
    record Item(Notification notification, @Nullable String href) {}

    @GetMapping("/notifications")
    String page(Authentication who, Model model) {
        return render(account(who), model, null);
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(
            @PathVariable UUID id,
            Authentication who,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        UUID account = account(who);
        notifications.markRead(account, List.of(id));
        return htmx != null ? render(account, model, "refresh") : "redirect:/notifications";
    }

    @PostMapping("/notifications/read")
    String markAllRead(
            Authentication who,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx) {
        UUID account = account(who);
        notifications.markRead(account, null);
        return htmx != null ? render(account, model, "refresh") : "redirect:/notifications";
    }

    private String render(UUID account, Model model, @Nullable String fragment) {
        List<Item> items = notifications
                .list(account, LISTED, id -> !authorization.allowed(id).isEmpty())
                .stream()
                .map(n -> new Item(n, n.text() == null ? null : href(n.targetId())))
                .toList();
        model.addAttribute("notifications", items);
        model.addAttribute("unread", notifications.unread(account));
        return fragment == null ? "notifications" : "notifications :: " + fragment;
    }

    @Nullable
    private String href(UUID target) {
        return authorization
                .locate(target)
                .map(path -> Breadcrumbs.href(path.level(), target))
                .orElse(null);
    }

    private UUID account(Authentication who) {
        Caller caller = callers.of(who).orElseThrow();
        return caller.accountId();
    }
}
