package io.selvedge.sso.internal.oidc;

import io.selvedge.sso.Connection;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.SsoSignInRefusedException;
import io.selvedge.sso.internal.ConnectionTrust;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthenticationMethod;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One Spring {@link ClientRegistration} per OIDC connection, from its issuer's discovery document (fetched
 * over the connection's TLS trust, kept an hour, and refetched when the connection changes). The discovery
 * document's {@code issuer} must be the configured one (OIDC Discovery 1.0, section 4.3); its {@code
 * userinfo_endpoint}, if any, is the registration's, for ID tokens without the address.
 */
@Component
@RequiredArgsConstructor
class OidcClients {

    static final Duration KEPT = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(OidcClients.class);

    private final IdentityProviders connections;
    private final Clock clock;
    private final Map<UUID, Kept> kept = new ConcurrentHashMap<>();

    /**
     * The registration of the connection.
     *
     * @throws SsoSignInRefusedException {@code discovery-failed} if the issuer's discovery document cannot be read
     */
    ClientRegistration registrationOf(Connection connection) {
        Kept found = kept.get(connection.id());
        Instant now = clock.instant();
        if (found != null && found.version() == connection.version() && now.isBefore(found.until())) {
            return found.registration();
        }
        ClientRegistration registration = discovered(connection);
        kept.put(connection.id(), new Kept(registration, connection.version(), now.plus(KEPT)));
        return registration;
    }

    private ClientRegistration discovered(Connection connection) {
        String issuer = connection.settings().issuer();
        Map<String, Object> document;
        try {
            document = RestClient.builder()
                    .requestFactory(
                            ConnectionTrust.requestFactory(connection.settings().caCertificatePem()))
                    .build()
                    .get()
                    .uri(URI.create(issuer + "/.well-known/openid-configuration"))
                    .retrieve()
                    .body(new ParameterizedTypeReference<Map<String, Object>>() {});
        } catch (RestClientException e) {
            log.warn(
                    "The OIDC discovery of connection {} failed: {}",
                    connection.id(),
                    e.getClass().getSimpleName());
            throw connections.find(connection.id()).isPresent()
                    ? new SsoSignInRefusedException("discovery-failed")
                    : new SsoSignInRefusedException("unknown-connection");
        }
        if (document == null
                || !issuer.equals(String.valueOf(document.get("issuer")).replaceAll("/+$", ""))
                || !(document.get("authorization_endpoint") instanceof String authorize)
                || !(document.get("token_endpoint") instanceof String token)
                || !(document.get("jwks_uri") instanceof String jwks)) {
            throw new SsoSignInRefusedException("discovery-invalid");
        }
        String secret = connections.secretOf(connection.id()).orElse("");
        // The UserInfo endpoint, where a provider's ID token leaves the address out (read only then).
        String userInfo = document.get("userinfo_endpoint") instanceof String endpoint ? endpoint : null;
        return ClientRegistration.withRegistrationId(connection.id().toString())
                .clientId(connection.settings().clientId())
                .clientSecret(secret)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(connections.endpointsOf(connection.id()).redirectUri())
                .scope("openid", "email", "profile")
                .authorizationUri(authorize)
                .tokenUri(token)
                .jwkSetUri(jwks)
                .userInfoUri(userInfo)
                .userInfoAuthenticationMethod(AuthenticationMethod.HEADER)
                .issuerUri(String.valueOf(document.get("issuer")))
                .userNameAttributeName("sub")
                .clientName(connection.settings().name())
                .build();
    }

    private record Kept(ClientRegistration registration, long version, Instant until) {}
}
