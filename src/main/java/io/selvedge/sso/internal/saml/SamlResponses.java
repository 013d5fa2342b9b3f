package io.selvedge.sso.internal.saml;

import static io.selvedge.sso.internal.saml.SamlXml.ASSERTION;
import static io.selvedge.sso.internal.saml.SamlXml.DSIG;
import static io.selvedge.sso.internal.saml.SamlXml.PROTOCOL;

import io.selvedge.sso.internal.saml.SamlRefusal.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Validates what an IdP posts to the assertion consumer service ({@code SAMLResponse}, HTTP-POST binding)
 * and reads the person from it. Refused, with a {@link SamlRefusal.Reason}: a DTD; no valid signature of the
 * IdP's metadata keys over the response or over the assertion; any element besides the one signed standing
 * where the assertion is read from (signature wrapping); an encrypted assertion; another issuer, destination,
 * recipient or audience; a time outside the conditions by more than the skew (at most two minutes); an
 * {@code InResponseTo} that is not a request this browser has outstanding (unsolicited responses included);
 * an assertion id already used.
 */
public final class SamlResponses {

    /** The most the clocks of Selvedge and an IdP may disagree, as the API promises. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(2);

    private static final int LONGEST_RESPONSE = 512 * 1024;

    private final AssertionReplayCache replays;
    private final Clock clock;
    private final Duration skew;

    public SamlResponses(AssertionReplayCache replays, Clock clock, Duration skew) {
        if (skew.isNegative() || skew.compareTo(MAX_SKEW) > 0) {
            throw new IllegalArgumentException("the clock skew is between zero and two minutes");
        }
        this.replays = replays;
        this.clock = clock;
        this.skew = skew;
    }

    /**
     * The person the response names, once every check passed and its assertion id was recorded as used.
     *
     * @param samlResponse the {@code SAMLResponse} form field as posted (base64)
     * @param outstandingRequests the ids of the AuthnRequests this browser was sent with and has not used
     * @param groupsAttribute the attribute holding the IdP groups; {@code groups} when null
     */
    public SamlAssertion validate(
            String samlResponse,
            ServiceProvider sp,
            IdpMetadata idp,
            Collection<String> outstandingRequests,
            @Nullable String groupsAttribute)
            throws SamlRefusal {
        Document document = SamlXml.parse(decode(samlResponse));
        Element response = document.getDocumentElement();
        if (!SamlXml.is(response, PROTOCOL, "Response") || !"2.0".equals(response.getAttributeNS(null, "Version"))) {
            throw new SamlRefusal(Reason.MALFORMED, "not a SAML 2.0 Response");
        }
        checkStatus(response);
        Element assertion = theOnlyAssertion(document, response);
        if (SamlXml.attribute(response, "ID") == null || SamlXml.attribute(assertion, "ID") == null) {
            throw new SamlRefusal(Reason.MALFORMED, "a response or an assertion without an ID");
        }
        checkSignatureLayout(document, response, assertion);
        response.setIdAttributeNS(null, "ID", true);
        assertion.setIdAttributeNS(null, "ID", true);
        boolean responseSigned = SignedElements.verify(response, idp.signingCertificates());
        boolean assertionSigned = SignedElements.verify(assertion, idp.signingCertificates());
        if (!responseSigned && !assertionSigned) {
            throw new SamlRefusal(Reason.UNSIGNED, "neither the response nor the assertion is signed");
        }
        checkResponse(response, sp, idp, outstandingRequests);
        AssertionChecks checks = new AssertionChecks(sp, idp, outstandingRequests, clock.instant(), skew);
        SamlAssertion person = checks.read(assertion, groupsAttribute == null ? "groups" : groupsAttribute);
        if (!replays.firstUse(
                person.issuer(), person.assertionId(), checks.usableUntil().plus(skew))) {
            throw new SamlRefusal(Reason.REPLAYED, "this assertion was used before");
        }
        return person;
    }

    private static String decode(String samlResponse) throws SamlRefusal {
        if (samlResponse == null || samlResponse.isBlank() || samlResponse.length() > LONGEST_RESPONSE) {
            throw new SamlRefusal(Reason.MALFORMED, "no SAMLResponse, or one too long");
        }
        try {
            return new String(Base64.getMimeDecoder().decode(samlResponse.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new SamlRefusal(Reason.MALFORMED, "SAMLResponse is not base64");
        }
    }

    private static void checkStatus(Element response) throws SamlRefusal {
        Element status = SamlXml.child(response, PROTOCOL, "Status");
        Element code = status == null ? null : SamlXml.child(status, PROTOCOL, "StatusCode");
        if (code == null || !SamlXml.SUCCESS.equals(code.getAttributeNS(null, "Value"))) {
            throw new SamlRefusal(Reason.IDP_STATUS, "the IdP did not answer with success");
        }
    }

    /** One plain assertion in the whole document, a child of the response: no copy hides anywhere else. */
    private static Element theOnlyAssertion(Document document, Element response) throws SamlRefusal {
        if (document.getElementsByTagNameNS(ASSERTION, "EncryptedAssertion").getLength() > 0) {
            throw new SamlRefusal(Reason.ENCRYPTED_UNSUPPORTED, "encrypted assertions are not accepted");
        }
        NodeList all = document.getElementsByTagNameNS(ASSERTION, "Assertion");
        if (all.getLength() == 0) {
            throw new SamlRefusal(Reason.MALFORMED, "no assertion");
        }
        if (all.getLength() > 1 || all.item(0).getParentNode() != response) {
            throw new SamlRefusal(Reason.SIGNATURE_WRAPPING, "an assertion besides the response's own");
        }
        return (Element) all.item(0);
    }

    /** Signatures only on the response and the assertion; every ID in the document unique. */
    private static void checkSignatureLayout(Document document, Element response, Element assertion)
            throws SamlRefusal {
        NodeList signatures = document.getElementsByTagNameNS(DSIG, "Signature");
        for (int i = 0; i < signatures.getLength(); i++) {
            if (signatures.item(i).getParentNode() != response
                    && signatures.item(i).getParentNode() != assertion) {
                throw new SamlRefusal(Reason.SIGNATURE_WRAPPING, "a signature out of its place");
            }
        }
        Set<String> ids = new HashSet<>();
        NodeList elements = document.getElementsByTagName("*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            for (String name : new String[] {"ID", "Id", "id"}) {
                String id = element.getAttributeNS(null, name);
                if (!id.isEmpty() && !ids.add(id)) {
                    throw new SamlRefusal(Reason.SIGNATURE_WRAPPING, "an ID used twice");
                }
            }
        }
    }

    private static void checkResponse(
            Element response, ServiceProvider sp, IdpMetadata idp, Collection<String> outstandingRequests)
            throws SamlRefusal {
        Element issuer = SamlXml.child(response, ASSERTION, "Issuer");
        if (issuer != null && !idp.entityId().equals(SamlXml.text(issuer))) {
            throw new SamlRefusal(Reason.WRONG_ISSUER, "the response is from another issuer");
        }
        if (!sp.acsUrl().equals(SamlXml.attribute(response, "Destination"))) {
            throw new SamlRefusal(Reason.WRONG_DESTINATION, "the response is for another destination");
        }
        String inResponseTo = SamlXml.attribute(response, "InResponseTo");
        if (inResponseTo == null || !outstandingRequests.contains(inResponseTo)) {
            throw new SamlRefusal(Reason.UNKNOWN_REQUEST, "the response answers no request of this browser");
        }
    }
}
