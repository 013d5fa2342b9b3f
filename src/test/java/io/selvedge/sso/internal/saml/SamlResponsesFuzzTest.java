package io.selvedge.sso.internal.saml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an IdP (or anyone) posts as a {@code SAMLResponse}, and an IdP's metadata: any bytes, and any mutation of
 * a valid signed response (bytes flipped, inserted, removed; elements removed, copied, moved, rewritten), end in
 * a {@link SamlRefusal} and nothing else (no parser or null-pointer exception); only the untouched response is
 * accepted, or a mutation the signature does not see (outside the signed assertion, such as the response's
 * optional Issuer removed, or whitespace and comments canonicalization drops) that names the very same person,
 * issuer and audience; and no DTD or external entity is
 * ever fetched ({@code ENTITYURL} in an input stands for a server of the test that counts requests). Metadata is
 * read as a complete identity provider or refused. Corpus: {@code SamlResponsesFuzzTestInputs/}.
 */
class SamlResponsesFuzzTest {

    private static final String REQUEST = "_request1";
    private static final TestSamlIdp IDP = TestSamlIdp.create("https://idp.example.test/fuzz");
    private static final ServiceProvider SP = ServiceProvider.of(
            "https://selvedge.example.test", UUID.fromString("00000000-0000-4000-8000-000000000001"));
    private static final IdpMetadata METADATA = metadata();
    private static final String VALID =
            IDP.response(SP, REQUEST, "ada@example.test").xml();
    private static final SamlAssertion PERSON = validate(base64(VALID));
    private static final List<String> NAMED = named(TestSamlIdp.parse(VALID));
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final String ENTITY_URL = entityServer();

    @FuzzTest
    void anyBytesPostedAsASamlResponseAreRefused(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8).replace("ENTITYURL", ENTITY_URL);
        for (String posted : new String[] {base64(text), text}) {
            try {
                validate(posted, newResponses());
                throw new AssertionError("accepted a response the IdP never signed");
            } catch (SamlRefusal refused) {
                assertThat(refused.reason()).isNotNull();
            }
        }
        assertThat(FETCHES.get()).as("requests for a DTD or an entity").isZero();
    }

    @FuzzTest
    void aMutatedSignedResponseIsRefusedOrNamesTheSamePerson(FuzzedDataProvider data) {
        Document document = TestSamlIdp.parse(VALID);
        int domMutations = data.consumeInt(0, 3);
        for (int i = 0; i < domMutations; i++) {
            mutate(document, data);
        }
        StringBuilder xml = new StringBuilder(TestSamlIdp.write(document));
        int byteMutations = data.consumeInt(0, 3);
        for (int i = 0; i < byteMutations && !xml.isEmpty(); i++) {
            int at = data.consumeInt(0, xml.length() - 1);
            switch (data.consumeInt(0, 2)) {
                case 0 -> xml.setCharAt(at, data.consumeChar());
                case 1 -> xml.insert(at, data.consumeString(40));
                default -> xml.delete(at, Math.min(xml.length(), at + data.consumeInt(1, 64)));
            }
        }
        String mutated = xml.toString().replace("ENTITYURL", ENTITY_URL);
        SamlAssertion person;
        try {
            person = validate(base64(mutated), newResponses());
        } catch (SamlRefusal refused) {
            assertThat(FETCHES.get()).as("requests for a DTD or an entity").isZero();
            return;
        }
        assertThat(person).isEqualTo(PERSON);
        assertThat(named(TestSamlIdp.parse(mutated))).isEqualTo(NAMED);
        assertThat(FETCHES.get()).as("requests for a DTD or an entity").isZero();
    }

    @FuzzTest
    void anyMetadataIsACompleteIdentityProviderOrRefused(byte[] data) {
        String xml = new String(data, StandardCharsets.UTF_8).replace("ENTITYURL", ENTITY_URL);
        IdpMetadata metadata;
        try {
            metadata = IdpMetadata.parse(xml);
        } catch (SamlRefusal refused) {
            assertThat(refused.reason()).isEqualTo(SamlRefusal.Reason.MALFORMED);
            assertThat(FETCHES.get()).as("requests for a DTD or an entity").isZero();
            return;
        }
        assertThat(metadata.entityId()).isNotBlank();
        assertThat(metadata.redirectSsoUrl().getScheme()).isIn("https", "http");
        assertThat(metadata.redirectSsoUrl().getHost()).isNotNull();
        assertThat(metadata.signingCertificates()).isNotEmpty().doesNotContainNull();
        assertThat(FETCHES.get()).as("requests for a DTD or an entity").isZero();
    }

    /** Removes, copies, moves or rewrites one element (or one of its attributes) of the document. */
    private static void mutate(Document document, FuzzedDataProvider data) {
        NodeList all = document.getElementsByTagName("*");
        Element element = (Element) all.item(data.consumeInt(0, all.getLength() - 1));
        Element other = (Element) all.item(data.consumeInt(0, all.getLength() - 1));
        Node parent = element.getParentNode();
        try {
            switch (data.consumeInt(0, 5)) {
                case 0 -> {
                    if (parent instanceof Element) {
                        parent.removeChild(element);
                    }
                }
                case 1 -> other.appendChild(element.cloneNode(true));
                case 2 -> other.insertBefore(element, other.getFirstChild());
                case 3 -> element.setTextContent(data.consumeString(60));
                case 4 ->
                    element.setAttribute(
                            data.pickValue(new String[] {
                                "ID",
                                "Version",
                                "Destination",
                                "InResponseTo",
                                "Recipient",
                                "NotOnOrAfter",
                                "NotBefore",
                                "Format",
                                "Name",
                                "URI",
                                "Algorithm"
                            }),
                            data.consumeString(60));
                default -> {
                    if (parent != null) {
                        parent.insertBefore(document.createComment(data.consumeString(20)), element);
                    }
                }
            }
        } catch (org.w3c.dom.DOMException impossible) {
            // a move into its own subtree, or a second document element: not a document an IdP can send
        }
    }

    /**
     * The issuers the document names (each once: the response's own is optional), and the NameIDs and audiences
     * of the response's assertion in order (copies elsewhere are never read).
     */
    private static List<String> named(Document document) {
        List<String> named = new ArrayList<>();
        NodeList issuers = document.getElementsByTagNameNS(TestSamlIdp.SAML_NS, "Issuer");
        for (int i = 0; i < issuers.getLength(); i++) {
            String text = "Issuer=" + issuers.item(i).getTextContent().strip();
            if (!named.contains(text)) {
                named.add(text);
            }
        }
        for (Node child = document.getDocumentElement().getFirstChild();
                child != null;
                child = child.getNextSibling()) {
            if (child instanceof Element assertion
                    && TestSamlIdp.SAML_NS.equals(assertion.getNamespaceURI())
                    && "Assertion".equals(assertion.getLocalName())) {
                for (String name : new String[] {"NameID", "Audience"}) {
                    NodeList found = assertion.getElementsByTagNameNS(TestSamlIdp.SAML_NS, name);
                    for (int i = 0; i < found.getLength(); i++) {
                        named.add(name + "=" + found.item(i).getTextContent().strip());
                    }
                }
            }
        }
        return named;
    }

    private static SamlResponses newResponses() {
        Map<String, Instant> used = new HashMap<>();
        return new SamlResponses(
                (issuer, id, until) -> used.putIfAbsent(issuer + " " + id, until) == null,
                Clock.systemUTC(),
                SamlResponses.MAX_SKEW);
    }

    private static SamlAssertion validate(String posted, SamlResponses responses) throws SamlRefusal {
        return responses.validate(posted, SP, METADATA, List.of(REQUEST), null);
    }

    private static SamlAssertion validate(String posted) {
        try {
            return validate(posted, newResponses());
        } catch (SamlRefusal e) {
            throw new IllegalStateException("the untouched response is refused", e);
        }
    }

    private static IdpMetadata metadata() {
        try {
            return IdpMetadata.parse(IDP.metadataXml());
        } catch (SamlRefusal e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A loopback server that counts every request: a parser that fetches a DTD or an entity is caught. */
    private static String entityServer() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                FETCHES.incrementAndGet();
                byte[] body = "<!ENTITY leaked \"LEAKED\">".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/entity";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
