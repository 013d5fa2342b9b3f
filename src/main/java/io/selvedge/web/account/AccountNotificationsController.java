package io.selvedge.web.account;

import io.selvedge.collab.NotificationKind;
import io.selvedge.collab.Notifications;
import io.selvedge.platform.AnyCaller;
import io.selvedge.web.account.AccountPage.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Which kinds of notification also come by e-mail: every kind ticked comes, every other does not. */
@AnyCaller("the signed-in account's own notification choices only")
@Controller
@RequiredArgsConstructor
class AccountNotificationsController {

    private final AccountPage page;
    private final Notifications notifications;

    @PostMapping("/account/notifications")
    String change(
            Principal user,
            @RequestParam(name = "email", required = false) List<String> byEmail,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Map<NotificationKind, Boolean> settings = new EnumMap<>(NotificationKind.class);
        for (NotificationKind kind : NotificationKind.values()) {
            settings.put(kind, false);
        }
        if (byEmail != null) {
            for (String kind : byEmail) {
                try {
                    settings.put(NotificationKind.valueOf(kind), true);
                } catch (IllegalArgumentException unknown) {
                    return page.refuse(
                            Section.NOTIFICATIONS,
                            page.text("account.notifications.unknown"),
                            user,
                            request,
                            response,
                            model);
                }
            }
        }
        notifications.changeEmailSettings(page.signedIn(user).account().id(), settings);
        return "redirect:/account?notificationsSaved#notifications";
    }
}
