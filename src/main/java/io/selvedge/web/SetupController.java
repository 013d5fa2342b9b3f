package io.selvedge.web;

import io.selvedge.identity.FirstAdminSetup;
import io.selvedge.identity.SetupLinkInvalidException;
import io.selvedge.platform.AnyCaller;
import java.util.Locale;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The page behind the one-time setup link: it creates the first platform admin. */
@AnyCaller("the one-time setup link is the credential")
@Controller
@RequiredArgsConstructor
class SetupController {

    private final FirstAdminSetup setup;
    private final MessageSource messages;

    @GetMapping("/setup/{token}")
    String form(@PathVariable String token, Model model) {
        if (!setup.linkIsValid(token)) {
            throw new SetupLinkInvalidException();
        }
        model.addAttribute("form", new SetupForm("", "", "", ""));
        model.addAttribute("token", token);
        return "setup";
    }

    @PostMapping("/setup/{token}")
    String create(@PathVariable String token, @ModelAttribute("form") SetupForm form, Locale locale, Model model) {
        model.addAttribute("token", token);
        if (!form.password().equals(form.repeatedPassword())) {
            model.addAttribute("problem", messages.getMessage("common.passwordsDiffer", null, locale));
            return "setup";
        }
        try {
            setup.createFirstAdmin(token, form.username(), form.password(), form.email());
        } catch (SetupLinkInvalidException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            model.addAttribute("problem", Refusals.inWords(e, messages, locale));
            return "setup";
        }
        return "redirect:/signin?setupDone";
    }

    @org.springframework.web.bind.annotation.ExceptionHandler(SetupLinkInvalidException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String invalidLink() {
        return "setup-invalid";
    }

    /** What the setup form sends. */
    record SetupForm(String username, String password, String repeatedPassword, String email) {

        SetupForm {
            username = username == null ? "" : username;
            email = email == null ? "" : email;
            password = password == null ? "" : password;
            repeatedPassword = repeatedPassword == null ? "" : repeatedPassword;
        }
    }
}
