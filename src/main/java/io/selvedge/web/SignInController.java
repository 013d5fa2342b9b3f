package io.selvedge.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page and the page behind it. Spring Security handles the form's POST. */
@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn() {
        return "signin";
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal UserDetails user, Model model) {
        model.addAttribute("username", user.getUsername());
        return "home";
    }
}
