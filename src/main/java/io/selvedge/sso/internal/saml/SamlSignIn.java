package io.selvedge.sso.internal.saml;

import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.SsoSignInRefusedException;
import io.selvedge.sso.SsoSignIns;
import io.selvedge.sso.VerifiedIdentity;
import io.selvedge.sso.internal.SignInStart;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * A SAML sign-in from start to end: {@code GET /sso/{id}} sends the browser to the IdP with an AuthnRequest
 * remembered for this browser; {@code POST /sso/{id}/acs} takes the IdP's response, validates it
 * ({@link SamlResponses}) and completes the sign-in through {@link SsoSignIns}. The browser is named by a
 * random value in a cookie of its own, sent only to this connection's ACS and also cross-site (the IdP's
 * POST comes from another site, where the Lax session cookie stays home).
 */
@Component
@RequiredArgsConstructor
class SamlSignIn implements SignInStart {

    static final String BROWSER_COOKIE = "SELVEDGE_SAML_BROWSER";
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(15);

    private static final SecureRandom random = new SecureRandom();

    private final IdentityProviders connections;
    private final SsoSignIns signIns;
    private final SamlRepository requests;
    private final SamlResponses responses;
    private final Clock clock;

    @Override
    public ConnectionType type() {
        return ConnectionType.SAML;
    }

    @Override
    public void start(Connection connection, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        IdpMetadata idp = idpOf(connection);
        String browser = browserOf(request);
        if (browser == null) {
            browser = randomValue(32);
        }
        String relayState = randomValue(16);
        AuthnRequests.AuthnRequestRedirect redirect =
                AuthnRequests.redirect(serviceProvider(connection.id()), idp, relayState);
        requests.remember(
                redirect.requestId(),
                connection.id(),
                browser,
                relayState,
                clock.instant().plus(REQUEST_LIFETIME));
        response.addHeader(HttpHeaders.SET_COOKIE, browserCookie(connection.id(), browser, REQUEST_LIFETIME));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.sendRedirect(redirect.location().toString());
    }

    /** The SP metadata of a SAML connection; empty for another or unknown id. */
    java.util.Optional<String> metadata(UUID connectionId) {
        return connections
                .find(connectionId)
                .filter(connection -> connection.type() == ConnectionType.SAML)
                .map(connection -> serviceProvider(connectionId).metadataXml());
    }

    /**
     * Completes the sign-in the IdP's response vouches for, and returns where to send the browser.
     *
     * @throws SsoSignInRefusedException for any refusal (audited with its reason), answered 401 with a page
     */
    String consume(
            UUID connectionId,
            @Nullable String samlResponse,
            @Nullable String relayState,
            HttpServletRequest request,
            HttpServletResponse response) {
        Connection connection = connections
                .find(connectionId)
                .filter(found -> found.type() == ConnectionType.SAML)
                .orElseThrow(() -> new SsoSignInRefusedException("unknown-connection"));
        String browser = browserOf(request);
        if (browser == null) {
            throw signIns.refused(connectionId, "unknown-request");
        }
        List<String> outstanding = requests.outstanding(connectionId, browser, clock.instant()).stream()
                .filter(sent -> sent.relayState().equals(relayState))
                .map(SamlRepository.OutstandingRequest::requestId)
                .toList();
        if (outstanding.isEmpty()) {
            throw signIns.refused(connectionId, "bad-state");
        }
        SamlAssertion person;
        try {
            person = responses.validate(
                    samlResponse,
                    serviceProvider(connectionId),
                    idpOf(connection),
                    outstanding,
                    connection.settings().groupsAttribute());
        } catch (SamlRefusal refusal) {
            throw signIns.refused(connectionId, slug(refusal.reason()));
        }
        requests.forget(connectionId, browser);
        response.addHeader(HttpHeaders.SET_COOKIE, browserCookie(connectionId, "", Duration.ZERO));
        return signIns.signIn(
                connectionId,
                new VerifiedIdentity(
                        person.email(), person.displayName(), Set.copyOf(person.groups()), person.idpMultiFactor()),
                request,
                response);
    }

    private IdpMetadata idpOf(Connection connection) {
        try {
            String xml = connection.settings().metadataXml();
            if (xml == null) {
                throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "no IdP metadata");
            }
            return IdpMetadata.parse(xml);
        } catch (SamlRefusal | IllegalArgumentException unusable) {
            throw signIns.refused(connection.id(), "idp-metadata-unusable");
        }
    }

    private ServiceProvider serviceProvider(UUID connectionId) {
        IdentityProviders.Endpoints endpoints = connections.endpointsOf(connectionId);
        return new ServiceProvider(endpoints.entityId(), endpoints.acsUrl());
    }

    static String slug(SamlRefusal.Reason reason) {
        return reason == SamlRefusal.Reason.REPLAYED
                ? "replay"
                : reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @Nullable
    private static String browserOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (BROWSER_COOKIE.equals(cookie.getName()) && cookie.getValue().matches("[A-Za-z0-9_-]{43}")) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static String browserCookie(UUID connectionId, String value, Duration maxAge) {
        return ResponseCookie.from(BROWSER_COOKIE, value)
                .path("/sso/" + connectionId + "/acs")
                .httpOnly(true)
                .secure(true)
                .sameSite("None")
                .maxAge(maxAge)
                .build()
                .toString();
    }

    private static String randomValue(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }
}
