package io.selvedge.web.account;

import io.selvedge.identity.AccountDirectory;
import io.selvedge.identity.AccountLanguages;
import io.selvedge.identity.EmailChanges;
import io.selvedge.identity.PasswordChanges;
import io.selvedge.identity.PasswordConfirmationFailedException;
import io.selvedge.identity.PasswordManagedElsewhereException;
import io.selvedge.identity.TooManyAttemptsException;
import io.selvedge.platform.AnyCaller;
import io.selvedge.web.account.AccountPage.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.Principal;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account page ({@code /account}) and its profile forms: display name, e-mail address (through the
 * link mailed to the new address), password and language. Changes that a thief with a borrowed session
 * could abuse (address, password) ask for the password again, and a one-time code with MFA.
 */
@AnyCaller("the signed-in account's own settings only")
@Controller
@RequiredArgsConstructor
class AccountController {

    private final AccountPage page;
    private final AccountDirectory directory;
    private final EmailChanges emailChanges;
    private final PasswordChanges passwordChanges;
    private final AccountLanguages languages;

    @GetMapping("/account")
    String show(Principal user, HttpServletRequest request, Model model) {
        return page.show(user, request, model);
    }

    @PostMapping("/account/profile")
    String changeDisplayName(
            Principal user,
            @RequestParam(defaultValue = "") String displayName,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        try {
            directory.changeDisplayName(page.signedIn(user).account().id(), displayName);
            return "redirect:/account?profileSaved#profile";
        } catch (IllegalArgumentException refused) {
            return page.refuse(Section.PROFILE, refused.getMessage(), user, request, response, model);
        }
    }

    @PostMapping("/account/email")
    String changeEmail(
            Principal user,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String otp,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            emailChanges.request(
                    page.signedIn(user).account().id(), email, password, otp.strip(), request.getRemoteAddr());
            return "redirect:/account?emailSent#profile";
        } catch (PasswordConfirmationFailedException | TooManyAttemptsException | IllegalArgumentException e) {
            return page.refuse(Section.EMAIL, page.problem(e, response, locale), user, request, response, model);
        }
    }

    @PostMapping("/account/password")
    String changePassword(
            Principal user,
            @RequestParam(defaultValue = "") String currentPassword,
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String repeatedPassword,
            @RequestParam(defaultValue = "") String otp,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        if (!newPassword.equals(repeatedPassword)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.refuse(Section.PASSWORD, page.text("common.passwordsDiffer"), user, request, response, model);
        }
        try {
            passwordChanges.change(
                    page.signedIn(user).account().id(),
                    currentPassword,
                    otp.strip(),
                    newPassword,
                    request.getRemoteAddr());
        } catch (PasswordConfirmationFailedException
                | TooManyAttemptsException
                | PasswordManagedElsewhereException
                | IllegalArgumentException e) {
            return page.refuse(Section.PASSWORD, page.problem(e, response, locale), user, request, response, model);
        }
        // Every session of the account ended, this one too: sign in again with the new password.
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/signin?passwordChanged";
    }

    @PostMapping("/account/language")
    String changeLanguage(
            Principal user,
            @RequestParam(defaultValue = "") String language,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        Optional<Locale> chosen = AccountLanguages.supported(language);
        if (!language.isBlank() && chosen.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page.refuse(Section.LANGUAGE, page.text("account.language.unknown"), user, request, response, model);
        }
        languages.changeLanguage(page.signedIn(user).account().id(), chosen.orElse(null));
        return "redirect:/account?languageSaved#language";
    }
}
