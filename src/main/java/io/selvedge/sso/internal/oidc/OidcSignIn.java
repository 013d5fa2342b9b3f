package io.selvedge.sso.internal.oidc;

import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.SsoSignInRefusedException;
import io.selvedge.sso.SsoSignIns;
import io.selvedge.sso.VerifiedIdentity;
import io.selvedge.sso.internal.ConnectionTrust;
import io.selvedge.sso.internal.OidcPresets;
import io.selvedge.sso.internal.SignInStart;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizationRequestRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimAccessor;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestTemplate;

/**
 * OIDC sign-in with Spring Security's client: the authorization code flow with PKCE, {@code state} and
 * {@code nonce} (kept in the browser's session), the code exchanged at the token endpoint, the ID token's
 * signature checked against the issuer's JWKS and its {@code iss}, {@code aud}, {@code azp}, {@code exp},
 * {@code iat} and {@code nonce}; then the preset's checks (Google's {@code hd}) and the sign-in completed by
 * {@link SsoSignIns}.
 */
@Component
class OidcSignIn implements SignInStart {

    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    /** {@code amr} values (RFC 8176) and {@code acr} fragments that mean a second factor was checked. */
    private static final Set<String> MFA_AMR = Set.of("mfa", "otp", "hwk", "sms", "fpt", "face", "iris", "sc");

    private static final List<String> MFA_ACR = List.of("mfa", "multi-factor", "multifactor", "2fa", "phr");

    private final OidcClients clients;
    private final IdentityProviders connections;
    private final SsoSignIns signIns;
    private final HttpSessionOAuth2AuthorizationRequestRepository requests =
            new HttpSessionOAuth2AuthorizationRequestRepository();

    OidcSignIn(OidcClients clients, IdentityProviders connections, SsoSignIns signIns) {
        this.clients = clients;
        this.connections = connections;
        this.signIns = signIns;
    }

    @Override
    public ConnectionType type() {
        return ConnectionType.OIDC;
    }

    @Override
    public void start(Connection connection, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ClientRegistration registration = clients.registrationOf(connection);
        DefaultOAuth2AuthorizationRequestResolver resolver =
                new DefaultOAuth2AuthorizationRequestResolver(id -> registration, "/sso");
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce()
                .andThen(builder -> {
                    if (OidcPresets.GOOGLE.equals(connection.settings().preset())
                            && connection.domains().size() == 1) {
                        builder.additionalParameters(parameters ->
                                parameters.put("hd", connection.domains().get(0)));
                    }
                }));
        OAuth2AuthorizationRequest authorization = resolver.resolve(request, registration.getRegistrationId());
        requests.saveAuthorizationRequest(authorization, request, response);
        response.sendRedirect(authorization.getAuthorizationRequestUri());
    }

    /**
     * Completes the sign-in on the IdP's return to {@code /sso/{id}/callback}.
     *
     * @return where to send the browser
     * @throws SsoSignInRefusedException for any failed check (audited with its reason)
     */
    String finish(Connection connection, HttpServletRequest request, HttpServletResponse response) {
        UUID id = connection.id();
        OAuth2AuthorizationRequest authorization = requests.removeAuthorizationRequest(request, response);
        if (authorization == null || !id.toString().equals(authorization.getAttribute("registration_id"))) {
            throw signIns.refused(id, "bad-state");
        }
        String state = request.getParameter("state");
        OAuth2AuthorizationResponse answer = request.getParameter("error") != null
                ? OAuth2AuthorizationResponse.error(request.getParameter("error"))
                        .redirectUri(authorization.getRedirectUri())
                        .state(state)
                        .build()
                : OAuth2AuthorizationResponse.success(String.valueOf(request.getParameter("code")))
                        .redirectUri(authorization.getRedirectUri())
                        .state(state)
                        .build();
        if (answer.statusError()) {
            throw signIns.refused(id, "idp-error");
        }
        ClientRegistration registration = clients.registrationOf(connection);
        OidcUser user;
        try {
            OAuth2LoginAuthenticationToken done = (OAuth2LoginAuthenticationToken) provider(connection)
                    .authenticate(new OAuth2LoginAuthenticationToken(
                            registration, new OAuth2AuthorizationExchange(authorization, answer)));
            user = (OidcUser) done.getPrincipal();
        } catch (OAuth2AuthenticationException e) {
            throw signIns.refused(id, reasonOf(e));
        }
        VerifiedIdentity identity;
        try {
            identity = identityOf(connection.settings(), user);
        } catch (SsoSignInRefusedException refused) {
            throw signIns.refused(id, refused.reason());
        }
        return signIns.signIn(id, identity, request, response);
    }

    /**
     * The person the ID token names, after the preset's own checks (the connection's domains are checked by
     * {@link SsoSignIns}).
     *
     * @throws SsoSignInRefusedException {@code email-not-verified}, {@code no-email} or
     *     {@code wrong-hosted-domain}, not yet audited
     */
    static VerifiedIdentity identityOf(ConnectionSettings settings, IdTokenClaimAccessor token) {
        String preset = settings.preset();
        Object verified = token.getClaims().get(StandardClaimNames.EMAIL_VERIFIED);
        if (verified != null && !Boolean.TRUE.equals(verified) && !"true".equals(verified)) {
            // false, or no boolean at all (Spring's claim converter lets a list through, and reading it throws)
            throw new SsoSignInRefusedException("email-not-verified");
        }
        String email = token.getEmail();
        if ((email == null || email.isBlank()) && OidcPresets.ENTRA.equals(preset)) {
            email = token.getPreferredUsername();
        }
        if (email == null || email.isBlank()) {
            throw new SsoSignInRefusedException("no-email");
        }
        if (OidcPresets.GOOGLE.equals(preset)) {
            String hostedDomain = token.getClaimAsString("hd");
            if (hostedDomain == null
                    || !settings.domains().contains(hostedDomain.strip().toLowerCase(Locale.ROOT))) {
                throw new SsoSignInRefusedException("wrong-hosted-domain");
            }
        }
        String name = token.getFullName();
        if (name == null && (token.getGivenName() != null || token.getFamilyName() != null)) {
            name = (String.valueOf(token.getGivenName()) + " " + String.valueOf(token.getFamilyName()))
                    .replace("null", "")
                    .strip();
        }
        return new VerifiedIdentity(email, name, groupsOf(token, settings.groupsClaim()), didMfa(token));
    }

    static Set<String> groupsOf(IdTokenClaimAccessor token, String claim) {
        Object value = token.getClaims().get(claim == null ? "groups" : claim);
        Set<String> groups = new LinkedHashSet<>();
        if (value instanceof Collection<?> many) {
            many.stream().filter(item -> item != null).forEach(item -> groups.add(item.toString()));
        } else if (value instanceof String one) {
            for (String part : one.split("[,\\s]+")) {
                if (!part.isBlank()) {
                    groups.add(part);
                }
            }
        }
        return groups;
    }

    static boolean didMfa(IdTokenClaimAccessor token) {
        List<String> amr = token.getAuthenticationMethods();
        if (amr != null && amr.stream().map(m -> m.toLowerCase(Locale.ROOT)).anyMatch(MFA_AMR::contains)) {
            return true;
        }
        String acr = token.getAuthenticationContextClass();
        return acr != null && MFA_ACR.stream().anyMatch(acr.toLowerCase(Locale.ROOT)::contains);
    }

    /** Spring's OIDC code flow, with the connection's TLS trust for the token endpoint and the JWKS. */
    private OidcAuthorizationCodeAuthenticationProvider provider(Connection connection) {
        String pem = connection.settings().caCertificatePem();
        RestClient tokens = RestClient.builder()
                .requestFactory(ConnectionTrust.requestFactory(pem))
                .configureMessageConverters(converters -> converters
                        .addCustomConverter(new FormHttpMessageConverter())
                        .addCustomConverter(new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .build();
        RestClientAuthorizationCodeTokenResponseClient tokenClient =
                new RestClientAuthorizationCodeTokenResponseClient();
        tokenClient.setRestClient(tokens);
        OidcAuthorizationCodeAuthenticationProvider provider =
                new OidcAuthorizationCodeAuthenticationProvider(tokenClient, userInfo(pem));
        RestTemplate keys = new RestTemplate(ConnectionTrust.requestFactory(pem));
        provider.setJwtDecoderFactory(registration -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                            registration.getProviderDetails().getJwkSetUri())
                    .restOperations(keys)
                    .jwsAlgorithm(SignatureAlgorithm.RS256)
                    .jwsAlgorithm(SignatureAlgorithm.RS384)
                    .jwsAlgorithm(SignatureAlgorithm.RS512)
                    .jwsAlgorithm(SignatureAlgorithm.PS256)
                    .jwsAlgorithm(SignatureAlgorithm.ES256)
                    .build();
            OidcIdTokenValidator claims = new OidcIdTokenValidator(registration);
            claims.setClockSkew(CLOCK_SKEW);
            JwtTimestampValidator window = new JwtTimestampValidator(CLOCK_SKEW);
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(window, claims));
            decoder.setClaimSetConverter(OidcIdTokenDecoderFactory.createDefaultClaimTypeConverter());
            return decoder;
        });
        return provider;
    }

    /**
     * Spring's {@link OidcUserService}, which reads the UserInfo endpoint (over the connection's TLS trust) only
     * when the ID token lacks the address or whether it is verified, and then requires the same {@code sub}; the
     * ID token's own claims win over the endpoint's.
     */
    private static OidcUserService userInfo(String pem) {
        RestTemplate endpoint = new RestTemplate(ConnectionTrust.requestFactory(pem));
        endpoint.setErrorHandler(new OAuth2ErrorResponseErrorHandler());
        DefaultOAuth2UserService reader = new DefaultOAuth2UserService();
        reader.setRestOperations(endpoint);
        OidcUserService users = new OidcUserService();
        users.setOauth2UserService(reader);
        users.setRetrieveUserInfo(request -> request.getClientRegistration()
                                .getProviderDetails()
                                .getUserInfoEndpoint()
                                .getUri()
                        != null
                && (request.getIdToken().getEmail() == null
                        || !request.getIdToken().hasClaim(StandardClaimNames.EMAIL_VERIFIED)));
        return users;
    }

    /** A slug for the trail from Spring's error (its description may name claims, never a secret). */
    static String reasonOf(OAuth2AuthenticationException e) {
        String code = e.getError().getErrorCode();
        String text = String.valueOf(e.getError().getDescription()).toLowerCase(Locale.ROOT);
        if ("invalid_nonce".equals(code) || text.contains("nonce")) {
            return "wrong-nonce";
        }
        if ("invalid_state_parameter".equals(code)) {
            return "bad-state";
        }
        if ("invalid_id_token".equals(code)) {
            if (text.contains("signature")
                    || text.contains("signed jwt rejected")
                    || text.contains("no matching key")) {
                return "bad-signature";
            }
            if (text.contains("expired") || text.contains("exp=") || text.contains("expiresat")) {
                return "expired";
            }
            if (text.contains("iss=")) {
                return "wrong-issuer";
            }
            if (text.contains("aud=") || text.contains("azp=")) {
                return "wrong-audience";
            }
            return "invalid-id-token";
        }
        if ("invalid_user_info_response".equals(code) || "missing_user_info_uri".equals(code)) {
            return "userinfo-failed";
        }
        if ("invalid_token_response".equals(code) || "invalid_grant".equals(code)) {
            return "code-exchange-failed";
        }
        return "oidc-" + code.replaceAll("[^a-z0-9_-]", "");
    }
}
