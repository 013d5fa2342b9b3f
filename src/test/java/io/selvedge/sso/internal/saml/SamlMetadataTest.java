package io.selvedge.sso.internal.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.sso.internal.saml.SamlRefusal.Reason;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SamlMetadataTest {

    private final TestSamlIdp idp = TestSamlIdp.create("https://idp.example.test/app");
    private final UUID connection = UUID.fromString("6f1d2c3b-0000-4000-8000-000000000001");
    private final ServiceProvider sp = ServiceProvider.of("https://selvedge.example.test/", connection);

    @Test
    void theIdpsMetadataGivesItsEntityIdSignOnUrlsAndSigningCertificate() throws SamlRefusal {
        IdpMetadata metadata = IdpMetadata.parse(idp.metadataXml());

        assertThat(metadata.entityId()).isEqualTo("https://idp.example.test/app");
        assertThat(metadata.redirectSsoUrl()).isEqualTo(URI.create("https://idp.example.test/app/sso/redirect"));
        assertThat(metadata.postSsoUrl()).isEqualTo(URI.create("https://idp.example.test/app/sso/post"));
        assertThat(metadata.signingCertificates()).hasSize(1);
    }

    @Test
    void metadataWithADocumentTypeOrWithoutACertificateIsRefused() {
        String withDtd = "<!DOCTYPE md [<!ENTITY x SYSTEM \"http://attacker.example.test/\">]>"
                + idp.metadataXml().replaceFirst("<\\?xml[^>]*>", "");
        String withoutCertificate = idp.metadataXml().replaceAll("(?s)<md:KeyDescriptor.*</md:KeyDescriptor>", "");
        String withoutIdp = idp.metadataXml().replace("IDPSSODescriptor", "SPSSODescriptor");

        for (String xml : new String[] {withDtd, withoutCertificate, withoutIdp, "not xml"}) {
            assertThatThrownBy(() -> IdpMetadata.parse(xml))
                    .isInstanceOfSatisfying(
                            SamlRefusal.class, r -> assertThat(r.reason()).isEqualTo(Reason.MALFORMED));
        }
    }

    @Test
    void theSpsEntityIdIsItsMetadataUrlAndItsAcsTakesThePostBinding() {
        assertThat(sp.entityId()).isEqualTo("https://selvedge.example.test/sso/" + connection + "/metadata");
        assertThat(sp.acsUrl()).isEqualTo("https://selvedge.example.test/sso/" + connection + "/acs");

        Element descriptor = TestSamlIdp.parse(sp.metadataXml()).getDocumentElement();
        assertThat(descriptor.getLocalName()).isEqualTo("EntityDescriptor");
        assertThat(descriptor.getAttribute("entityID")).isEqualTo(sp.entityId());
        Element spDescriptor = (Element) descriptor
                .getElementsByTagNameNS(SamlXml.METADATA, "SPSSODescriptor")
                .item(0);
        assertThat(spDescriptor.getAttribute("WantAssertionsSigned")).isEqualTo("true");
        assertThat(spDescriptor.getAttribute("AuthnRequestsSigned")).isEqualTo("false");
        Element acs = (Element) spDescriptor
                .getElementsByTagNameNS(SamlXml.METADATA, "AssertionConsumerService")
                .item(0);
        assertThat(acs.getAttribute("Binding")).isEqualTo(SamlXml.POST_BINDING);
        assertThat(acs.getAttribute("Location")).isEqualTo(sp.acsUrl());
    }

    @Test
    void theAuthnRequestGoesToTheIdpsRedirectUrlWithItsIdAndTheRelayState() throws Exception {
        IdpMetadata metadata = IdpMetadata.parse(idp.metadataXml());

        AuthnRequests.AuthnRequestRedirect redirect = AuthnRequests.redirect(sp, metadata, "state+/=1");

        assertThat(redirect.location().toString()).startsWith("https://idp.example.test/app/sso/redirect?");
        Map<String, String> query = query(redirect.location());
        assertThat(query.get("RelayState")).isEqualTo("state+/=1");
        Element request = TestSamlIdp.parse(inflate(query.get("SAMLRequest"))).getDocumentElement();
        assertThat(request.getLocalName()).isEqualTo("AuthnRequest");
        assertThat(request.getAttribute("ID")).isEqualTo(redirect.requestId());
        assertThat(request.getAttribute("AssertionConsumerServiceURL")).isEqualTo(sp.acsUrl());
        assertThat(request.getAttribute("Destination")).isEqualTo("https://idp.example.test/app/sso/redirect");
        assertThat(request.getAttribute("ProtocolBinding")).isEqualTo(SamlXml.POST_BINDING);
        assertThat(request.getElementsByTagNameNS(SamlXml.ASSERTION, "Issuer")
                        .item(0)
                        .getTextContent())
                .isEqualTo(sp.entityId());
        assertThat(AuthnRequests.redirect(sp, metadata, "x").requestId()).isNotEqualTo(redirect.requestId());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] parts = pair.split("=", 2);
            parameters.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static String inflate(String base64) throws Exception {
        Inflater inflater = new Inflater(true);
        inflater.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            if (n == 0 && inflater.needsInput()) {
                break;
            }
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
