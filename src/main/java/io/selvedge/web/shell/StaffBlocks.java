package io.selvedge.web.shell;

import io.selvedge.access.StaffAction;
import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import io.selvedge.protection.Blocks;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import java.util.regex.Pattern;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff page of blocks ({@code /platform/blocks}): the clients refused after abuse or by staff, each with
 * its reason and end, a form to block an address for a while, and a button to lift a block. As the API
 * ({@code /api/v1/admin/blocks}): staff whose role allows {@link StaffAction#MANAGE_BLOCKS}; on the platform trail.
 */
@Controller
@RequiredArgsConstructor
class StaffBlocks {

    private static final Pattern ID = Pattern.compile("^(address:[0-9A-Fa-f.:]{2,45}|token:[0-9a-f]{40})$");

    private final Blocks blocks;
    private final Callers callers;

    @GetMapping("/platform/blocks")
    @AnyCaller("platform staff whose role allows MANAGE_BLOCKS, checked by the handler")
    String page(Authentication authentication, HttpServletResponse response, Model model) {
        if (staff(authentication).isEmpty()) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("problem", "shell.blocks.notAllowed");
            model.addAttribute("blocks", java.util.List.of());
            return "blocks";
        }
        model.addAttribute("blocks", blocks.list());
        return "blocks";
    }

    @PostMapping("/platform/blocks")
    @AnyCaller("platform staff whose role allows MANAGE_BLOCKS, checked by the handler")
    String add(
            @RequestParam(defaultValue = "") String address,
            @RequestParam(defaultValue = "60") String minutes,
            @RequestParam(defaultValue = "") String reason,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        Optional<Caller> caller = staff(authentication);
        if (caller.isEmpty()) {
            return page(authentication, response, model);
        }
        try {
            blocks.blockAddress(
                    address,
                    FormMinutes.of(minutes, 1, 527_040),
                    reason,
                    caller.get().accountId());
        } catch (Refusal.Unprocessable | IllegalArgumentException invalid) { // NumberFormatException is an IAE
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "shell.blocks.invalid");
            model.addAttribute("address", address);
            model.addAttribute("blocks", blocks.list());
            return "blocks";
        }
        shown.addFlashAttribute("notice", "shell.blocks.added");
        return "redirect:/platform/blocks";
    }

    @PostMapping("/platform/blocks/lift")
    @AnyCaller("platform staff whose role allows MANAGE_BLOCKS, checked by the handler")
    String lift(
            @RequestParam(defaultValue = "") String id,
            Authentication authentication,
            HttpServletResponse response,
            Model model,
            RedirectAttributes shown) {
        Optional<Caller> caller = staff(authentication);
        if (caller.isEmpty()) {
            return page(authentication, response, model);
        }
        boolean lifted =
                ID.matcher(id).matches() && blocks.lift(id, caller.get().accountId());
        shown.addFlashAttribute("notice", lifted ? "shell.blocks.lifted" : "shell.blocks.gone");
        return "redirect:/platform/blocks";
    }

    private Optional<Caller> staff(Authentication authentication) {
        return StaffAction.MANAGE_BLOCKS.staffCaller(callers, authentication);
    }
}
