package io.selvedge.web.shell;

import io.selvedge.access.CustomerGroups;
import io.selvedge.access.CustomerGroups.StartedGroup;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.access.PlatformStaff;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import io.selvedge.storage.Stores;
import jakarta.servlet.http.HttpServletResponse;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The first-run path of a new installation: its first admin is platform staff, who hold no role in
 * customer groups, so they create a customer's group with nobody in it and invite its first admin. The
 * invitation link is shown once, on the page the answer redirects to, as well as mailed.
 */
@Controller
@RequiredArgsConstructor
class StaffHome {

    private final Callers callers;
    private final PlatformStaff staff;
    private final CustomerGroups customerGroups;
    private final Stores stores;

    @PostMapping("/platform/customer-groups")
    @AnyCaller("platform admins only, checked by the handler before anything is created")
    String create(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String region,
            @RequestParam(defaultValue = "") String email,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        Caller caller = callers.of(authentication).orElseThrow();
        model.addAttribute("username", authentication.getName());
        model.addAttribute("staff", caller.staff());
        if (!caller.staff() || !staff.isPlatformAdmin()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", "shell.staff.notAllowed");
            return "home";
        }
        model.addAttribute("platformAdmin", true);
        model.addAttribute("regions", stores.regions().stream().sorted().toList());
        model.addAttribute("name", name);
        model.addAttribute("region", region);
        model.addAttribute("email", email);
        StartedGroup started;
        try {
            started = customerGroups.start(name, region, email);
        } catch (Refusal.Invalid | IllegalArgumentException e) { // a name, an address or a region that is none
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "shell.staff.invalid");
            return "home";
        } catch (GrantRefusedException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", "shell.staff.invalid");
            return "home";
        }
        // Post/redirect/get: reloading the answer must not create a second group. The link rides in the
        // session (its attributes are encrypted) for the one page that shows it, which is never cached.
        shown.addFlashAttribute("createdGroupName", started.group().name());
        shown.addFlashAttribute("invitationLink", started.invited().link());
        shown.addFlashAttribute("email", email);
        return "redirect:/";
    }
}
