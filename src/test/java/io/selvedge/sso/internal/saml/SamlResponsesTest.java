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
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
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

    /** A response the IdP signed, but made wrong in one way: the reason each is refused with. */
    static Stream<Arguments> responsesWrongInOneWay() {
        return Stream.of(
                wrong("unsigned", r -> r.signAssertion = false, Reason.UNSIGNED),
                wrong("signed by another key", TestSamlIdp.Response::signedByAnotherKey, Reason.BAD_SIGNATURE),
                wrong(
                        "another audience",
                        r -> r.audience = "https://other.example.test/sso/metadata",
                        Reason.WRONG_AUDIENCE),
                wrong("another recipient", r -> r.recipient = "https://other.example.test/acs", Reason.WRONG_RECIPIENT),
                wrong(
                        "another destination",
                        r -> r.destination = "https://other.example.test/acs",
                        Reason.WRONG_DESTINATION),
                wrong("another issuer", r -> r.issuer = "https://evil.example.test", Reason.WRONG_ISSUER),
                wrong(
                        "expired",
                        r -> {
                            r.issueInstant = Instant.now().minus(Duration.ofMinutes(20));
                            r.notBefore = Instant.now().minus(Duration.ofMinutes(20));
                            r.notOnOrAfter = Instant.now().minus(Duration.ofMinutes(10));
                        },
                        Reason.EXPIRED),
                wrong(
                        "not yet valid",
                        r -> {
                            r.notBefore = Instant.now().plus(Duration.ofMinutes(10));
                            r.notOnOrAfter = Instant.now().plus(Duration.ofMinutes(20));
                        },
                        Reason.NOT_YET_VALID));
    }

    private static Arguments wrong(String what, Consumer<TestSamlIdp.Response> change, Reason reason) {
        return Arguments.of(what, change, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responsesWrongInOneWay")
    void aResponseWrongInOneWayIsRefusedWithItsReason(
            String what, Consumer<TestSamlIdp.Response> change, Reason reason) {
        TestSamlIdp.Response response = aResponse();
        change.accept(response);
        refused(response.encoded(), reason);
    }

    /** A signed response's XML edited afterwards: the reason each is refused with. */
    static Stream<Arguments> documentsEditedAfterSigning() {
        return Stream.of(
                edited(
                        "the person changed after signing",
                        xml -> xml.replace("ada@example.test", "eve@example.test"),
                        Reason.BAD_SIGNATURE),
                edited(
                        "a document type declaration, refused before any entity is read",
                        xml -> "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                + xml.replaceFirst("<\\?xml[^>]*>", "").replace("Ada Lovelace", "&x;"),
                        Reason.MALFORMED),
                edited(
                        "an encrypted assertion, refused with its own reason",
                        xml -> xml.replaceAll("(?s)<saml:Assertion .*</saml:Assertion>", "<saml:EncryptedAssertion/>"),
                        Reason.ENCRYPTED_UNSUPPORTED),
                edited(
                        "an error status from the IdP",
                        xml -> xml.replace("status:Success", "status:Responder"),
                        Reason.IDP_STATUS));
    }

    private static Arguments edited(String what, UnaryOperator<String> edit, Reason reason) {
        return Arguments.of(what, edit, reason);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documentsEditedAfterSigning")
    void aDocumentEditedAfterSigningIsRefusedWithItsReason(String what, UnaryOperator<String> edit, Reason reason) {
        refused(base64(edit.apply(aResponse().xml())), reason);
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
