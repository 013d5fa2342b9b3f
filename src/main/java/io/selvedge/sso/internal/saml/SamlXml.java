package io.selvedge.sso.internal.saml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/** Parsing SAML documents with no DTD, no entities and no external fetches, and walking their elements. */
final class SamlXml {

    static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    static final String XMLENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String REDIRECT_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    static final String POST_BINDING = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String EMAIL_FORMAT = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";

    private SamlXml() {}

    /** A namespace-aware DOM of {@code xml}; a document type declaration (so any entity) is refused. */
    static Document parse(String xml) throws SamlRefusal {
        try {
            return builder().parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw new SamlRefusal(SamlRefusal.Reason.MALFORMED, "not well-formed XML or a DTD in it");
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
        }
    }

    static boolean is(Node node, String namespace, String localName) {
        return node instanceof Element element
                && namespace.equals(element.getNamespaceURI())
                && localName.equals(element.getLocalName());
    }

    /** The element children of {@code parent} named {@code namespace:localName}, in document order. */
    static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (is(child, namespace, localName)) {
                found.add((Element) child);
            }
        }
        return found;
    }

    @Nullable
    static Element child(Element parent, String namespace, String localName) throws SamlRefusal {
        List<Element> found = children(parent, namespace, localName);
        if (found.size() > 1) {
            throw new SamlRefusal(
                    SamlRefusal.Reason.MALFORMED, "more than one " + localName + " in " + parent.getLocalName());
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** The trimmed text of {@code element} (comments inside it do not cut it short), or null when blank. */
    @Nullable
    static String text(@Nullable Element element) {
        if (element == null) {
            return null;
        }
        String text = element.getTextContent().strip();
        return text.isEmpty() ? null : text;
    }

    @Nullable
    static String attribute(Element element, String name) {
        String value = element.getAttributeNS(null, name).strip();
        return value.isEmpty() ? null : value;
    }
}
