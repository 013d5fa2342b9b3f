package io.selvedge.web;

import io.selvedge.access.InvitationInvalidException;
import io.selvedge.access.Invitations;
import io.selvedge.access.Invitations.Invitation;
import io.selvedge.identity.AccountExistsException;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import java.util.Locale;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page behind an invitation's link: a signed-in person accepts for their account with one button; anyone
 * else creates their account (username, password, display name) and is sent to sign in. CSRF-protected forms.
 */
@AnyCaller("the invitation link's secret is the credential; a signed-in person accepts for their own account")
@RefusalPage("invitation-invalid")
@Controller
@RequiredArgsConstructor
class InvitationController {

    private final Invitations invitations;
    private final Callers callers;
    private final MessageSource messages;

    @GetMapping("/invitations/{token}")
    String page(@PathVariable String token, Model model) {
        Invitation invitation = invitations.pending(token).orElseThrow(InvitationInvalidException::new);
        describe(model, token, invitation);
        model.addAttribute("form", new AccountForm("", "", "", ""));
        return "invitation";
    }

    @PostMapping("/invitations/{token}")
    String accept(@PathVariable String token, @ModelAttribute("form") AccountForm form, Locale locale, Model model) {
        Invitation invitation = invitations.pending(token).orElseThrow(InvitationInvalidException::new);
        Optional<Caller> caller = callers.current();
        if (caller.isPresent()) {
            invitations.acceptAs(token, caller.get().accountId());
            return "redirect:/?invitationAccepted";
        }
        describe(model, token, invitation);
        if (!form.password().equals(form.repeatedPassword())) {
            model.addAttribute("problem", messages.getMessage("common.passwordsDiffer", null, locale));
            return "invitation";
        }
        try {
            invitations.acceptAsNewAccount(
                    token, form.username(), form.password(), form.displayName().isBlank() ? null : form.displayName());
        } catch (IllegalArgumentException | AccountExistsException e) {
            model.addAttribute("problem", Refusals.inWords(e, messages, locale));
            return "invitation";
        }
        return "redirect:/signin?invitationAccepted";
    }

    private void describe(Model model, String token, Invitation invitation) {
        model.addAttribute("token", token);
        model.addAttribute(
                "role", invitation.role().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        model.addAttribute("level", invitation.level().noun());
        model.addAttribute("email", invitation.email());
        model.addAttribute("signedIn", callers.current().isPresent());
    }

    /** What the new-account form sends. */
    record AccountForm(String username, String displayName, String password, String repeatedPassword) {

        AccountForm {
            username = username == null ? "" : username;
            displayName = displayName == null ? "" : displayName;
            password = password == null ? "" : password;
            repeatedPassword = repeatedPassword == null ? "" : repeatedPassword;
        }

        @Override
        public String toString() {
            return "AccountForm[username=" + username + "]";
        }
    }
}
