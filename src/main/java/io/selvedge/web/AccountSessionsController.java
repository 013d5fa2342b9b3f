package io.selvedge.web;

import io.selvedge.identity.WebSessions;
import io.selvedge.platform.AnyCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The signed-in person's web sessions: where they are signed in, with a button to end each or all. */
@AnyCaller("the signed-in account's own sessions only")
@Controller
@RequiredArgsConstructor
class AccountSessionsController {

    private final WebSessions sessions;
    private final MessageSource messages;

    @GetMapping("/account/sessions")
    String list(Principal user, HttpServletRequest request, Locale locale, Model model) {
        HttpSession current = request.getSession(false);
        model.addAttribute(
                "sessions",
                sessions.of(user.getName(), current == null ? null : current.getId()).stream()
                        .map(SessionRow::of)
                        .toList());
        model.addAttribute("username", user.getName());
        model.addAttribute(
                "crumbs",
                List.of(
                        new Crumb(messages.getMessage("account.title", null, locale), "/account"),
                        new Crumb(messages.getMessage("account.sessions.title", null, locale), "/account/sessions")));
        return "account-sessions";
    }

    @PostMapping("/account/sessions/{id}/end")
    String end(Principal user, @PathVariable String id, HttpServletRequest request) {
        boolean current = sessions.of(user.getName(), currentId(request)).stream()
                .anyMatch(session -> session.current() && session.id().equals(id));
        if (current) {
            signOutHere(request);
            return "redirect:/signin?signedOut";
        }
        sessions.end(user.getName(), id);
        return "redirect:/account/sessions?ended";
    }

    /** Signs out every other browser, this one staying signed in. */
    @PostMapping("/account/sessions/end-others")
    String endOthers(Principal user, HttpServletRequest request) {
        sessions.of(user.getName(), currentId(request)).stream()
                .filter(session -> !session.current())
                .forEach(session -> sessions.end(user.getName(), session.id()));
        return "redirect:/account/sessions?othersEnded";
    }

    @PostMapping("/account/sessions/end-all")
    String endAll(Principal user, HttpServletRequest request) {
        signOutHere(request);
        sessions.endAll(user.getName());
        return "redirect:/signin?signedOut";
    }

    /** A session as the page shows it. */
    record SessionRow(String id, String signedInAt, String lastUsedAt, String endsAt, boolean current) {

        private static final DateTimeFormatter TIME =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

        static SessionRow of(WebSessions.WebSession session) {
            return new SessionRow(
                    session.id(),
                    TIME.format(session.signedInAt()),
                    TIME.format(session.lastUsedAt()),
                    TIME.format(session.expiresAt()),
                    session.current());
        }
    }

    private static String currentId(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    /** Ends this request's own session the way signing out does, so it is not saved again after the request. */
    private static void signOutHere(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }
}
