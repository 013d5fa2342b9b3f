package io.selvedge.web.admin;

import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.scim.ScimTokens;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The group's SCIM provisioning in the admin console: the base URL to give the directory, its bearer tokens
 * (never their secrets), a form that makes one and shows its secret this once, and revocation. The same rules
 * as the API ({@code MANAGE_SCIM_TOKENS}).
 */
@Controller
@RequiredArgsConstructor
class ScimTokensController {

    private final AdminPage page;
    private final ScimTokens tokens;

    @GetMapping("/admin/groups/{groupId}/scim")
    @Requires(value = Action.MANAGE_SCIM_TOKENS, target = "groupId")
    String show(@PathVariable UUID groupId, Model model) {
        return page(groupId, null, null, model);
    }

    @PostMapping("/admin/groups/{groupId}/scim")
    @Requires(value = Action.MANAGE_SCIM_TOKENS, target = "groupId")
    String create(
            @PathVariable UUID groupId,
            @RequestParam(defaultValue = "") String name,
            HttpServletResponse response,
            Model model) {
        ScimTokens.CreatedScimToken created;
        try {
            created = tokens.create(groupId, name.strip());
        } catch (IllegalArgumentException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return page(groupId, null, page.text("admin.scim.badName", ScimTokens.MAX_NAME), model);
        }
        // The secret is in this answer only, once: no cache keeps it.
        response.setHeader("Cache-Control", "no-store");
        return page(groupId, created.token(), null, model);
    }

    @PostMapping("/admin/groups/{groupId}/scim/{tokenId}/revoke")
    @Requires(value = Action.MANAGE_SCIM_TOKENS, target = "groupId")
    String revoke(@PathVariable UUID groupId, @PathVariable UUID tokenId) {
        tokens.revoke(groupId, tokenId);
        return "redirect:/admin/groups/" + groupId + "/scim?revoked";
    }

    private String page(UUID groupId, @Nullable String newToken, @Nullable String problem, Model model) {
        page.frame(model, groupId, Section.PROVISIONING);
        model.addAttribute(
                "scimUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/scim/v2")
                        .toUriString());
        model.addAttribute("tokens", tokens.tokensOf(groupId));
        model.addAttribute("newToken", newToken);
        model.addAttribute("problem", problem);
        return "admin/scim";
    }
}
