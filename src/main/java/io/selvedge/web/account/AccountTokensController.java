package io.selvedge.web.account;

import io.selvedge.identity.ApiScope;
import io.selvedge.identity.ApiTokens;
import io.selvedge.identity.SignInFailedException;
import io.selvedge.identity.TooManyAttemptsException;
import io.selvedge.platform.AnyCaller;
import io.selvedge.platform.Refusal;
import io.selvedge.web.account.AccountPage.Section;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Personal API tokens on the account page: made by identity's token service under the rules of
 * {@code POST /api/v1/auth/tokens} (the password again, a code with MFA, throttled), the secret shown once in
 * the answer to the creation (never stored, never in a URL), and revoked by their owner.
 */
@AnyCaller("the signed-in account's own API tokens only")
@Controller
@RequiredArgsConstructor
class AccountTokensController {

    private final AccountPage page;
    private final ApiTokens tokens;

    @PostMapping("/account/tokens")
    String create(
            Principal user,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(required = false) List<String> scopes,
            @RequestParam(required = false) Integer lifetimeDays,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String otp,
            HttpServletRequest request,
            HttpServletResponse response,
            Locale locale,
            Model model) {
        try {
            // Signed in through the organisation's identity provider a moment ago: that sign-in stands for the
            // password.
            ApiTokens.CreatedToken created = password.isEmpty() && tokens.signedInRecentlyWithoutPassword(request)
                    ? tokens.createAfterSignInWithoutPassword(request, name, lifetimeDays, scopesOf(scopes))
                    : tokens.create(
                            new ApiTokens.TokenRequest(
                                    user.getName(), password, otp.strip(), name, lifetimeDays, scopesOf(scopes)),
                            request.getRemoteAddr());
            // Shown once, in this answer only: no cache may keep it.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            model.addAttribute("created", created);
            return page.show(user, request, model);
        } catch (SignInFailedException | TooManyAttemptsException | Refusal.Invalid | IllegalArgumentException e) {
            return page.refuse(Section.TOKENS, page.problem(e, response, locale), user, request, response, model);
        }
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(
            Principal user,
            @PathVariable String id,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        UUID tokenId;
        try {
            tokenId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            tokenId = null;
        }
        if (tokenId == null || !tokens.revoke(page.signedIn(user).account().id(), tokenId)) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return page.refuse(Section.TOKENS, page.text("account.tokens.unknown"), user, request, response, model);
        }
        return "redirect:/account?tokenRevoked#tokens";
    }

    private static Set<ApiScope> scopesOf(List<String> scopes) {
        Set<ApiScope> parsed = EnumSet.noneOf(ApiScope.class);
        if (scopes != null) {
            scopes.forEach(scope -> parsed.add(ApiScope.of(scope)));
        }
        return parsed;
    }
}
