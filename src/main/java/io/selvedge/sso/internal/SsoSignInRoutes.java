package io.selvedge.sso.internal;

import io.selvedge.identity.SignInRoutes;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviders;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * An e-mail address whose domain routes to an OIDC or SAML connection signs in at its identity provider;
 * an LDAP connection's addresses keep the password step (the directory checks the password).
 */
@Component
@RequiredArgsConstructor
class SsoSignInRoutes implements SignInRoutes {

    private final IdentityProviders connections;

    @Override
    public Optional<String> elsewhere(String username) {
        if (username == null || !username.contains("@")) {
            return Optional.empty();
        }
        return connections
                .forEmail(username)
                .filter(connection -> connection.type() != ConnectionType.LDAP)
                .map(connection -> "/sso/" + connection.id());
    }
}
