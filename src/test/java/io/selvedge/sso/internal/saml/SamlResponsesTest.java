package io.selvedge.sso.internal.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.sso.internal.saml.SamlRefusal.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class SamlResponsesTest {

    private static final String REQUEST = "_request1";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final TestSamlIdp idp = TestSamlIdp.create("https://idp.example.test/" + UUID.randomUUID());
    private final IdpMetadata metadata = parse(idp.metadataXml());
    private final ServiceProvider sp = ServiceProvider.of("https://selvedge.example.test", UUID.randomUUID());
    private final Map<String, Instant> used = new HashMap<>();
    private final AssertionReplayCache replays =
            (issuer, id, until) -> used.putIfAbsent(issuer + " " + id, until) == null;
    private final SamlResponses responses = new SamlResponses(replays, Clock.systemUTC(), SamlResponses.MAX_SKEW);

    private TestSamlIdp.Response aResponse() {
        return idp.response(sp, REQUEST, "ada@example.test");
    }

    private SamlAssertion accept(String encoded) throws SamlRefusal {
        return responses.validate(encoded, sp, metadata, List.of(REQUEST), null);
    }

    private void refused(String encoded, Reason reason) {
        assertThatThrownBy(() -> accept(encoded))
                .isInstanceOfSatisfying(
                        SamlRefusal.class, r -> assertThat(r.reason()).isEqualTo(reason));
    }

    @Test
    void aResponseWithASignedAssertionNamesThePerson() throws SamlRefusal {
        SamlAssertion person = accept(aResponse().encoded());

        assertThat(person.email()).isEqualTo("ada@example.test");
        assertThat(person.nameId()).isEqualTo("ada@example.test");
        assertThat(person.displayName()).isEqualTo("Ada Lovelace");
        assertThat(person.groups()).containsExactly("designers", "admins");
        assertThat(person.issuer()).isEqualTo(idp.entityId());
        assertThat(person.authnContextClassRef())
                .isEqualTo("urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport");
        assertThat(person.idpMultiFactor()).isFalse();
    }

    @Test
    void aSignedResponseAroundAnUnsignedAssertionIsAccepted() throws SamlRefusal {
        TestSamlIdp.Response response = aResponse();
        response.signAssertion = false;
        response.signResponse = true;
        response.authnContext = "http://schemas.microsoft.com/claims/multipleauthn";

        SamlAssertion person = accept(response.encoded());

        assertThat(person.email()).isEqualTo("ada@example.test");
        assertThat(person.idpMultiFactor()).isTrue();
    }

    @Test
    void theGroupsComeFromTheConnectionsOwnAttributeWhenOneIsNamed() throws SamlRefusal {
        SamlAssertion person = responses.validate(aResponse().encoded(), sp, metadata, List.of(REQUEST), "displayName");

        assertThat(person.groups()).containsExactly("Ada Lovelace");
    }

    @Test
    void anUnsignedResponseIsRefused() {
        TestSamlIdp.Response response = aResponse();
        response.signAssertion = false;
        refused(response.encoded(), Reason.UNSIGNED);
    }

    @Test
    void aResponseSignedByAnotherKeyIsRefused() {
        refused(aResponse().signedByAnotherKey().encoded(), Reason.BAD_SIGNATURE);
    }

    @Test
    void anAssertionChangedAfterItWasSignedIsRefused() {
        String xml = aResponse().xml().replace("ada@example.test", "eve@example.test");
        refused(base64(xml), Reason.BAD_SIGNATURE);
    }

    @Test
    void anAssertionForAnotherAudienceIsRefused() {
        TestSamlIdp.Response response = aResponse();
        response.audience = "https://other.example.test/sso/metadata";
        refused(response.encoded(), Reason.WRONG_AUDIENCE);
    }

    @Test
    void anAssertionForAnotherRecipientIsRefused() {
        TestSamlIdp.Response response = aResponse();
        response.recipient = "https://other.example.test/acs";
        refused(response.encoded(), Reason.WRONG_RECIPIENT);
    }

    @Test
    void aResponseForAnotherDestinationIsRefused() {
        TestSamlIdp.Response response = aResponse();
        response.destination = "https://other.example.test/acs";
        refused(response.encoded(), Reason.WRONG_DESTINATION);
    }

    @Test
    void aResponseFromAnotherIssuerIsRefused() {
        TestSamlIdp.Response response = aResponse();
        response.issuer = "https://evil.example.test";
        refused(response.encoded(), Reason.WRONG_ISSUER);
    }

    @Test
    void anExpiredAssertionIsRefused() {
        TestSamlIdp.Response response = aResponse();
        response.issueInstant = Instant.now().minus(Duration.ofMinutes(20));
        response.notBefore = Instant.now().minus(Duration.ofMinutes(20));
        response.notOnOrAfter = Instant.now().minus(Duration.ofMinutes(10));
        refused(response.encoded(), Reason.EXPIRED);
    }

    @Test
    void anAssertionNotYetValidIsRefused() {
        TestSamlIdp.Response response = aResponse();
        response.notBefore = Instant.now().plus(Duration.ofMinutes(10));
        response.notOnOrAfter = Instant.now().plus(Duration.ofMinutes(20));
        refused(response.encoded(), Reason.NOT_YET_VALID);
    }

    @Test
    void twoMinutesOfSkewAreForgivenAndNoMore() throws SamlRefusal {
        TestSamlIdp.Response withinSkew = aResponse();
        withinSkew.notOnOrAfter = Instant.now().minus(Duration.ofSeconds(60));
        withinSkew.notBefore = Instant.now().plus(Duration.ofSeconds(60));
        assertThat(accept(withinSkew.encoded()).email()).isEqualTo("ada@example.test");

        TestSamlIdp.Response expiredBeyondSkew = aResponse();
        expiredBeyondSkew.notOnOrAfter = Instant.now().minus(Duration.ofSeconds(150));
        refused(expiredBeyondSkew.encoded(), Reason.EXPIRED);

        TestSamlIdp.Response earlyBeyondSkew = aResponse();
        earlyBeyondSkew.notBefore = Instant.now().plus(Duration.ofSeconds(150));
        refused(earlyBeyondSkew.encoded(), Reason.NOT_YET_VALID);
    }

    @Test
    void aSkewOfMoreThanTwoMinutesCannotBeConfigured() {
        assertThatThrownBy(() -> new SamlResponses(replays, Clock.systemUTC(), Duration.ofMinutes(3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aResponseToARequestThisBrowserDidNotMakeIsRefused() {
        TestSamlIdp.Response response = idp.response(sp, "_someoneElsesRequest", "ada@example.test");
        refused(response.encoded(), Reason.UNKNOWN_REQUEST);

        TestSamlIdp.Response confirmationOnly = aResponse();
        confirmationOnly.confirmationInResponseTo = "_someoneElsesRequest";
        refused(confirmationOnly.encoded(), Reason.UNKNOWN_REQUEST);
    }

    @Test
    void aResponseIsAcceptedOnceOnly() throws SamlRefusal {
        String encoded = aResponse().encoded();
        accept(encoded);
        refused(encoded, Reason.REPLAYED);
    }

    @Test
    void anEvilAssertionBesideTheSignedOneWrappedInsideItIsRefused() {
        // XSW: the signed assertion is moved into the evil one, which takes its place as the response's child.
        Document document = aResponse().document();
        Element signed = assertion(document);
        Element evil = (Element) signed.cloneNode(true);
        evil.setAttribute("ID", "_evil");
        removeSignature(evil);
        replaceNameId(evil, "eve@example.test");
        signed.getParentNode().replaceChild(evil, signed);
        evil.getElementsByTagNameNS(TestSamlIdp.SAML_NS, "Subject").item(0).appendChild(signed);

        refused(TestSamlIdp.encode(document), Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void anEvilAssertionBeforeTheSignedOneIsRefused() {
        // XSW: an unsigned copy with the evil NameID first, the signed original after it.
        Document document = aResponse().document();
        Element signed = assertion(document);
        Element evil = (Element) signed.cloneNode(true);
        evil.setAttribute("ID", "_evil");
        removeSignature(evil);
        replaceNameId(evil, "eve@example.test");
        signed.getParentNode().insertBefore(evil, signed);

        refused(TestSamlIdp.encode(document), Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void aSignedResponseWrappedInsideAnEvilOneIsRefused() {
        // XSW on the response signature: the signed response hides in the evil response's Extensions.
        TestSamlIdp.Response response = aResponse();
        response.signAssertion = false;
        response.signResponse = true;
        Document document = response.document();
        Element original = document.getDocumentElement();
        Element evil = (Element) original.cloneNode(true);
        evil.setAttribute("ID", "_evilResponse");
        removeSignature(evil);
        replaceNameId(evil, "eve@example.test");
        Element extensions = document.createElementNS("urn:oasis:names:tc:SAML:2.0:protocol", "samlp:Extensions");
        document.replaceChild(evil, original);
        evil.insertBefore(extensions, evil.getFirstChild().getNextSibling());
        extensions.appendChild(original);

        refused(TestSamlIdp.encode(document), Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void anEvilAssertionWithTheSignedOnesIdIsRefused() {
        // XSW: the evil assertion takes the signed one's ID, hoping the reference finds the evil one.
        Document document = aResponse().document();
        Element signed = assertion(document);
        Element evil = (Element) signed.cloneNode(true);
        removeSignature(evil);
        replaceNameId(evil, "eve@example.test");
        signed.getParentNode().insertBefore(evil, signed);

        refused(TestSamlIdp.encode(document), Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void theAssertionsSignatureMovedOntoTheResponseIsRefused() {
        // XSW: a valid signature of the assertion, placed where a signature of the response would be.
        Document document = aResponse().document();
        Element response = document.getDocumentElement();
        Element signed = assertion(document);
        Node signature = signed.getElementsByTagNameNS(DSIG, "Signature").item(0);
        response.insertBefore(signature, response.getFirstChild().getNextSibling());

        refused(TestSamlIdp.encode(document), Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void aSignatureHiddenOutOfPlaceIsRefused() {
        // XSW: an unsigned assertion, the IdP's valid signed one parked inside its Subject's extension.
        TestSamlIdp.Response response = aResponse();
        Document document = response.document();
        Element signed = assertion(document);
        Element unsigned = (Element) signed.cloneNode(true);
        removeSignature(unsigned);
        unsigned.setAttribute("ID", "_unsigned");
        Node signature = signed.getElementsByTagNameNS(DSIG, "Signature").item(0);
        Element subject = (Element)
                unsigned.getElementsByTagNameNS(TestSamlIdp.SAML_NS, "Subject").item(0);
        subject.appendChild(signature);
        signed.getParentNode().replaceChild(unsigned, signed);

        refused(TestSamlIdp.encode(document), Reason.SIGNATURE_WRAPPING);
    }

    @Test
    void aDocumentTypeDeclarationIsRefusedBeforeAnyEntityIsRead() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + aResponse().xml().replaceFirst("<\\?xml[^>]*>", "").replace("Ada Lovelace", "&x;");
        refused(base64(xml), Reason.MALFORMED);
    }

    @Test
    void anEncryptedAssertionIsRefusedWithItsOwnReason() {
        String xml =
                aResponse().xml().replaceAll("(?s)<saml:Assertion .*</saml:Assertion>", "<saml:EncryptedAssertion/>");
        refused(base64(xml), Reason.ENCRYPTED_UNSUPPORTED);
    }

    @Test
    void anErrorStatusFromTheIdpIsRefused() {
        String xml = aResponse().xml().replace("status:Success", "status:Responder");
        refused(base64(xml), Reason.IDP_STATUS);
    }

    @Test
    void aResponseOrAnAssertionWithoutAnIdIsRefusedAsMalformed() {
        // Found by SamlResponsesFuzzTest: marking the missing ID as the element's id threw a DOMException (a 500).
        String xml = aResponse().xml();
        refused(base64(xml.replaceFirst(" ID=\"_r[^\"]*\"", "")), Reason.MALFORMED);
        refused(base64(xml.replaceFirst(" ID=\"_a[^\"]*\"", "")), Reason.MALFORMED);
        refused(base64(xml.replaceFirst(" ID=\"_r[^\"]*\"", " ID=\" \"")), Reason.MALFORMED);
    }

    private static Element assertion(Document document) {
        return (Element) document.getElementsByTagNameNS(TestSamlIdp.SAML_NS, "Assertion")
                .item(0);
    }

    private static void removeSignature(Element element) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if ("Signature".equals(child.getLocalName())) {
                element.removeChild(child);
                return;
            }
        }
    }

    private static void replaceNameId(Element element, String email) {
        element.getElementsByTagNameNS(TestSamlIdp.SAML_NS, "NameID").item(0).setTextContent(email);
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static IdpMetadata parse(String xml) {
        try {
            return IdpMetadata.parse(xml);
        } catch (SamlRefusal e) {
            throw new IllegalStateException(e);
        }
    }
}
