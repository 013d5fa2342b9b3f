package io.selvedge.web;

import io.selvedge.identity.AccountLinkInvalidException;
import io.selvedge.identity.PasswordManagedElsewhereException;
import io.selvedge.identity.PasswordResets;
import io.selvedge.identity.TooManyAttemptsException;
import io.selvedge.platform.AnyCaller;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": ask for a link by username or e-mail address (the page answers the same
 * whether or not an account matched), and the page behind the link, which sets the new password.
 */
@RefusalPage(value = "link-invalid", statuses = 410)
@Controller
@AnyCaller("the mailed single-use reset link is the credential")
@RequiredArgsConstructor
class PasswordResetController {

    private final PasswordResets resets;
    private final MessageSource messages;

    @GetMapping("/forgot-password")
    String form() {
        return "forgot-password";
    }

    @PostMapping("/forgot-password")
    String request(
            @RequestParam(defaultValue = "") String usernameOrEmail,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        if (usernameOrEmail.isBlank() || usernameOrEmail.length() > 320) {
            model.addAttribute("problem", messages.getMessage("forgot.blank", null, locale));
            return "forgot-password";
        }
        try {
            resets.request(usernameOrEmail, request.getRemoteAddr());
        } catch (TooManyAttemptsException throttled) {
            response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            model.addAttribute("wait", throttled.inWords(locale));
            return "forgot-password";
        }
        return "forgot-password-sent";
    }

    @GetMapping("/reset-password/{token}")
    String resetForm(@PathVariable String token, Model model) {
        if (!resets.linkIsValid(token)) {
            throw new AccountLinkInvalidException();
        }
        model.addAttribute("token", token);
        return "reset-password";
    }

    @PostMapping("/reset-password/{token}")
    String reset(
            @PathVariable String token,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String repeatedPassword,
            Locale locale,
            Model model) {
        model.addAttribute("token", token);
        if (!password.equals(repeatedPassword)) {
            model.addAttribute("problem", messages.getMessage("common.passwordsDiffer", null, locale));
            return "reset-password";
        }
        try {
            resets.reset(token, password);
        } catch (IllegalArgumentException | PasswordManagedElsewhereException refused) {
            model.addAttribute("problem", Refusals.inWords(refused, messages, locale));
            return "reset-password";
        }
        return "redirect:/signin?passwordReset";
    }
}
