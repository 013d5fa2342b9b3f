package io.selvedge.sso.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Fetches a SAML IdP's metadata at a connection's creation, so sign-ins never depend on the URL answering. */
@Component
class SamlMetadataFetcher {

    static final int LARGEST = 1_000_000;
    static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";

    /** The metadata document at the URL, over the connection's TLS trust. */
    String fetch(URI url, @Nullable String caCertificatePem) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(15))
                .header("Accept", "application/samlmetadata+xml, application/xml, text/xml")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = ConnectionTrust.httpClient(caCertificatePem)
                    .send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new IllegalArgumentException(
                            "metadataUrl answered " + response.statusCode() + ", not the metadata.");
                }
                byte[] read = body.readNBytes(LARGEST + 1);
                if (read.length > LARGEST) {
                    throw new IllegalArgumentException("The metadata at metadataUrl is larger than 1 MB.");
                }
                return new String(read, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("metadataUrl could not be fetched ("
                    + e.getClass().getSimpleName() + "): check the URL and, for an internal CA, caCertificatePem.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("metadataUrl could not be fetched.");
        }
    }

    /** Refuses text that is not SAML metadata (an EntityDescriptor, or EntitiesDescriptor). No DTDs, no entities. */
    static void requireEntityDescriptor(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
            if (!METADATA_NS.equals(root.getNamespaceURI())
                    || !("EntityDescriptor".equals(root.getLocalName())
                            || "EntitiesDescriptor".equals(root.getLocalName()))) {
                throw new IllegalArgumentException("The metadata is no SAML 2.0 EntityDescriptor.");
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalArgumentException("The metadata is not well-formed XML (DTDs are refused).");
        }
    }
}
