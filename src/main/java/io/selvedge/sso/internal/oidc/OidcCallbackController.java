package io.selvedge.sso.internal.oidc;

import io.selvedge.platform.AnyCaller;
import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.SsoSignInRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Where an OIDC provider sends the browser back: {@code GET /sso/{id}/callback?code&state}. */
@AnyCaller("the return from the identity provider; state, PKCE and the ID token's checks decide")
@Controller
@RequiredArgsConstructor
class OidcCallbackController {

    private final IdentityProviders connections;
    private final OidcSignIn oidc;

    @GetMapping("/sso/{connectionId}/callback")
    String callback(@PathVariable UUID connectionId, HttpServletRequest request, HttpServletResponse response) {
        Connection connection = connections
                .find(connectionId)
                .filter(found -> found.type() == ConnectionType.OIDC)
                .orElseThrow(() -> new SsoSignInRefusedException("unknown-connection"));
        return "redirect:" + oidc.finish(connection, request, response);
    }
}
