package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.Callers;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * How to call the API for this group. Selvedge has no integration (service) accounts yet: tokens belong to
 * people, each made and revoked on its owner's account page, so the page lists the caller's own tokens (never
 * another member's) and links to the OpenAPI document.
 */
@Controller
@RequiredArgsConstructor
class DeveloperController {

    private final AdminPage page;
    private final ApiTokens tokens;
    private final Callers callers;

    @GetMapping("/admin/groups/{groupId}/developer")
    @Requires(value = Action.MANAGE_INTEGRATION_TOKENS, target = "groupId")
    String developer(@PathVariable UUID groupId, Model model) {
        page.frame(model, groupId, Section.DEVELOPER);
        model.addAttribute(
                "baseUrl", ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        model.addAttribute(
                "tokens",
                callers.current()
                        .map(caller -> tokens.tokensOf(caller.accountId()))
                        .orElse(List.of()));
        return "admin/developer";
    }
}
