package io.selvedge.monitoring.internal.routing;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What the alert routing pages (staff's and a group admin's) answer to a channel's forms, the same on both. */
final class ChannelForms {

    static final String SAVED = "monitoring.notice.saved";

    private ChannelForms() {}

    /** A channel just made: saved, and a webhook's secret shown in this answer only (never kept in the session). */
    static void made(Channel channel, Model model) {
        model.addAttribute("notice", SAVED);
        if (channel.kind() == ChannelKind.WEBHOOK) {
            model.addAttribute("secret", channel.secret());
        }
    }

    /** A test's outcome, shown on the page the redirect goes back to: its error, or that the message went. */
    static String tested(Optional<String> error, RedirectAttributes shown, String page) {
        if (error.isPresent()) {
            shown.addFlashAttribute("testFailed", error.get());
        } else {
            shown.addFlashAttribute("notice", "monitoring.notice.tested");
        }
        return "redirect:" + page;
    }

    /** Input the routing refused: the page is shown again with the problem (422). */
    static void refused(IllegalArgumentException refused, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("problem", refused.getMessage());
    }
}
