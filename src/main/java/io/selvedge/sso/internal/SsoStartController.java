package io.selvedge.sso.internal;

import io.selvedge.platform.AnyCaller;
import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.SsoSignInRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /sso/{id}}: sends the browser to the connection's identity provider (OIDC, SAML), or, for an
 * LDAP directory, to the sign-in page's password step.
 */
@AnyCaller("starts a sign-in at the identity provider; nothing is read or changed")
@Controller
@RequiredArgsConstructor
class SsoStartController {

    private final IdentityProviders connections;
    private final List<SignInStart> starts;

    @GetMapping("/sso/{connectionId}")
    String start(@PathVariable UUID connectionId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Connection connection =
                connections.find(connectionId).orElseThrow(() -> new SsoSignInRefusedException("unknown-connection"));
        if (connection.type() == ConnectionType.LDAP) {
            return "redirect:/signin";
        }
        SignInStart start = starts.stream()
                .filter(candidate -> candidate.type() == connection.type())
                .findFirst()
                .orElseThrow(() -> new SsoSignInRefusedException("protocol-unavailable"));
        start.start(connection, request, response);
        return null;
    }
}
