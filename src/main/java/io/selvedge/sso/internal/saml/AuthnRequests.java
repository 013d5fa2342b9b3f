package io.selvedge.sso.internal.saml;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.keycloak.dom.saml.v2.protocol.AuthnRequestType;
import org.keycloak.saml.common.exceptions.ConfigurationException;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.common.util.DocumentUtil;
import org.keycloak.saml.processing.api.saml.v2.request.SAML2Request;
import org.keycloak.saml.processing.web.util.RedirectBindingUtil;
import org.springframework.web.util.UriComponentsBuilder;

/** Builds the {@code AuthnRequest} that sends a browser to its identity provider (HTTP-Redirect binding). */
public final class AuthnRequests {

    private static final SecureRandom random = new SecureRandom();

    private AuthnRequests() {}

    /**
     * The browser's way to the IdP and the request's id, which the caller keeps with this browser (it is the
     * only {@code InResponseTo} the answer may carry). The request asks for the POST binding back to
     * {@code sp}'s assertion consumer service and an e-mail address NameID; it is not signed (the SP metadata
     * says so). {@code relayState} comes back unchanged with the response; it must name nothing secret.
     */
    public static AuthnRequestRedirect redirect(ServiceProvider sp, IdpMetadata idp, String relayState) {
        // An xsd:ID starts with a letter; 160 random bits.
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String id = "_" + HexFormat.of().formatHex(bytes);
        try {
            SAML2Request factory = new SAML2Request();
            factory.setNameIDFormat(SamlXml.EMAIL_FORMAT);
            AuthnRequestType request = factory.createAuthnRequestType(
                    id, sp.acsUrl(), idp.redirectSsoUrl().toString(), sp.entityId());
            String xml = DocumentUtil.asString(SAML2Request.convert(request));
            String encoded = RedirectBindingUtil.deflateBase64Encode(xml.getBytes(StandardCharsets.UTF_8));
            URI location = UriComponentsBuilder.fromUri(idp.redirectSsoUrl())
                    .queryParam("SAMLRequest", URLEncoder.encode(encoded, StandardCharsets.UTF_8))
                    .queryParam("RelayState", URLEncoder.encode(relayState, StandardCharsets.UTF_8))
                    .build(true)
                    .toUri();
            return new AuthnRequestRedirect(id, location);
        } catch (ConfigurationException | ProcessingException | ParsingException | java.io.IOException e) {
            throw new IllegalStateException("an AuthnRequest could not be written", e);
        }
    }

    /** Where to send the browser, and the id of the request it carries. */
    public record AuthnRequestRedirect(String requestId, URI location) {}
}
