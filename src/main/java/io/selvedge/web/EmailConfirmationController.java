package io.selvedge.web;

import io.selvedge.identity.AccountLinkInvalidException;
import io.selvedge.identity.EmailChanges;
import io.selvedge.platform.AnyCaller;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The page behind the link mailed to a new e-mail address. Opening it changes nothing (mail scanners open
 * links); its button does.
 */
@RefusalPage(
        value = "link-invalid",
        statuses = {410, 409})
@Controller
@AnyCaller("the single-use link mailed to the new address is the credential")
@RequiredArgsConstructor
class EmailConfirmationController {

    private final EmailChanges changes;

    @GetMapping("/confirm-email/{token}")
    String form(@PathVariable String token, Model model) {
        if (!changes.linkIsValid(token)) {
            throw new AccountLinkInvalidException();
        }
        model.addAttribute("token", token);
        return "confirm-email";
    }

    @PostMapping("/confirm-email/{token}")
    String confirm(@PathVariable String token) {
        changes.confirm(token);
        return "email-confirmed";
    }
}
