package io.selvedge.web;

import io.selvedge.identity.SignInRoutes;
import io.selvedge.identity.SignInThrottledException;
import io.selvedge.platform.AnyCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** The sign-in page and the page behind it. Spring Security handles the form's POST. */
@AnyCaller("the sign-in pages")
@Controller
class SignInController {

    /**
     * The page asks for the username or e-mail address first: given alone, an address of a domain with
     * single sign-on goes to its identity provider, and any other name comes back here for its password.
     */
    @GetMapping("/signin")
    String signIn(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SignInRoutes.PENDING_NAME) instanceof String name) {
            session.removeAttribute(SignInRoutes.PENDING_NAME);
            model.addAttribute("signInName", name);
        }
        return "signin";
    }

    /** Where a throttled sign-in (a POST) is forwarded: the page again, 429, with the wait in words. */
    @PostMapping("/signin/wait")
    String throttled(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        if (!(request.getAttribute(SignInThrottledException.WAIT_ATTRIBUTE) instanceof SignInThrottledException wait)) {
            return "redirect:/signin";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("wait", wait.inWords(locale));
        return "signin";
    }

    /** The second step, for an account with MFA: a one-time code, a recovery code or a passkey. */
    @GetMapping("/signin/code")
    String secondStep() {
        return "signin-code";
    }

    /** Where a throttled code (a POST) is forwarded: the code step again, 429, with the wait in words. */
    @PostMapping("/signin/code/wait")
    String codeThrottled(HttpServletRequest request, HttpServletResponse response, Locale locale, Model model) {
        if (!(request.getAttribute(SignInThrottledException.WAIT_ATTRIBUTE) instanceof SignInThrottledException wait)) {
            return "redirect:/signin/code";
        }
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        model.addAttribute("wait", wait.inWords(locale));
        return "signin-code";
    }
}
