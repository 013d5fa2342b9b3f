package io.selvedge.sso.internal.saml;

import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.Reference;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.SignedInfo;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfo;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;
import javax.xml.crypto.dsig.spec.C14NMethodParameterSpec;
import javax.xml.crypto.dsig.spec.TransformParameterSpec;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * An identity provider made in the test: an RSA key, its self-signed certificate, its metadata, and SAML
 * responses written and signed (with the JDK's XML signature) as Okta or Entra would send them. Each field of
 * a {@link Response} can be bent to make the refusal a test needs.
 */
public final class TestSamlIdp {

    public static final String SAML_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

    private final String entityId;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestSamlIdp(String entityId, KeyPair keys, X509Certificate certificate) {
        this.entityId = entityId;
        this.keys = keys;
        this.certificate = certificate;
    }

    public static TestSamlIdp create(String entityId) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            X500Name name = new X500Name("CN=Test IdP " + UUID.randomUUID());
            X509Certificate certificate = new JcaX509CertificateConverter()
                    .getCertificate(new JcaX509v3CertificateBuilder(
                                    name,
                                    new BigInteger(64, new SecureRandom()),
                                    Date.from(now.minusSeconds(3600)),
                                    Date.from(now.plusSeconds(86400L * 365)),
                                    name,
                                    keys.getPublic())
                            .build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            return new TestSamlIdp(entityId, keys, certificate);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String entityId() {
        return entityId;
    }

    public KeyPair keyPair() {
        return keys;
    }

    /** The IdP's metadata document, as an administrator downloads it from Okta or Entra. */
    public String metadataXml() {
        String cert = Base64.getEncoder().encodeToString(encoded(certificate));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="%s">
                  <md:IDPSSODescriptor WantAuthnRequestsSigned="false"
                      protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                    <md:KeyDescriptor use="signing">
                      <ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                        <ds:X509Data><ds:X509Certificate>%s</ds:X509Certificate></ds:X509Data>
                      </ds:KeyInfo>
                    </md:KeyDescriptor>
                    <md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                        Location="%s/sso/post"/>
                    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"
                        Location="%s/sso/redirect"/>
                  </md:IDPSSODescriptor>
                </md:EntityDescriptor>
                """.formatted(entityId, cert, entityId, entityId).strip();
    }

    /** A response that passes every check for {@code sp}, answering {@code requestId}, until bent. */
    public Response response(ServiceProvider sp, String requestId, String email) {
        return new Response(sp, requestId, email);
    }

    /** A SAML response under construction; {@link #xml()} or {@link #encoded()} write and sign it. */
    public final class Response {
        public String destination;
        public String recipient;
        public String audience;
        public String inResponseTo;
        public String confirmationInResponseTo;
        public String issuer = entityId;
        public String email;
        public String displayName = "Ada Lovelace";
        public List<String> groups = new ArrayList<>(List.of("designers", "admins"));
        public String authnContext = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport";
        public Instant issueInstant = Instant.now();
        public Instant notBefore = Instant.now().minusSeconds(30);
        public Instant notOnOrAfter = Instant.now().plusSeconds(300);
        public String responseId = "_r" + UUID.randomUUID();
        public String assertionId = "_a" + UUID.randomUUID();
        public boolean signAssertion = true;
        public boolean signResponse = false;
        public KeyPair signingKeys = keys;

        private Response(ServiceProvider sp, String requestId, String email) {
            this.destination = sp.acsUrl();
            this.recipient = sp.acsUrl();
            this.audience = sp.entityId();
            this.inResponseTo = requestId;
            this.confirmationInResponseTo = requestId;
            this.email = email;
        }

        /** Signed by another key than the metadata's. */
        public Response signedByAnotherKey() {
            this.signingKeys = TestSamlIdp.create(entityId).keys;
            return this;
        }

        public String encoded() {
            return Base64.getEncoder().encodeToString(xml().getBytes(StandardCharsets.UTF_8));
        }

        public String xml() {
            return write(document());
        }

        /** The response as a DOM, signed as asked, for tests that rearrange it afterwards. */
        public Document document() {
            Document document = parse(unsignedXml());
            Element response = document.getDocumentElement();
            Element assertion = (Element)
                    response.getElementsByTagNameNS(SAML_NS, "Assertion").item(0);
            if (signAssertion) {
                sign(assertion, signingKeys);
            }
            if (signResponse) {
                sign(response, signingKeys);
            }
            return document;
        }

        private String unsignedXml() {
            StringBuilder groupValues = new StringBuilder();
            for (String group : groups) {
                groupValues
                        .append("<saml:AttributeValue xsi:type=\"xs:string\">")
                        .append(group)
                        .append("</saml:AttributeValue>");
            }
            return """
                    <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" \
                    xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" \
                    xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                    ID="%s" Version="2.0" IssueInstant="%s" Destination="%s" InResponseTo="%s">\
                    <saml:Issuer>%s</saml:Issuer>\
                    <samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>\
                    <saml:Assertion ID="%s" Version="2.0" IssueInstant="%s">\
                    <saml:Issuer>%s</saml:Issuer>\
                    <saml:Subject>\
                    <saml:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress">%s</saml:NameID>\
                    <saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">\
                    <saml:SubjectConfirmationData NotOnOrAfter="%s" Recipient="%s" InResponseTo="%s"/>\
                    </saml:SubjectConfirmation>\
                    </saml:Subject>\
                    <saml:Conditions NotBefore="%s" NotOnOrAfter="%s">\
                    <saml:AudienceRestriction><saml:Audience>%s</saml:Audience></saml:AudienceRestriction>\
                    </saml:Conditions>\
                    <saml:AuthnStatement AuthnInstant="%s" SessionIndex="%s">\
                    <saml:AuthnContext><saml:AuthnContextClassRef>%s</saml:AuthnContextClassRef></saml:AuthnContext>\
                    </saml:AuthnStatement>\
                    <saml:AttributeStatement>\
                    <saml:Attribute Name="displayName"><saml:AttributeValue>%s</saml:AttributeValue></saml:Attribute>\
                    <saml:Attribute Name="groups">%s</saml:Attribute>\
                    </saml:AttributeStatement>\
                    </saml:Assertion>\
                    </samlp:Response>""".formatted(
                            responseId,
                            issueInstant,
                            destination,
                            inResponseTo,
                            issuer,
                            assertionId,
                            issueInstant,
                            issuer,
                            email,
                            notOnOrAfter,
                            recipient,
                            confirmationInResponseTo,
                            notBefore,
                            notOnOrAfter,
                            audience,
                            issueInstant,
                            assertionId,
                            authnContext,
                            displayName,
                            groupValues);
        }
    }

    /** Signs {@code element} (enveloped, exclusive c14n, RSA-SHA256), the signature right after its Issuer. */
    public static void sign(Element element, KeyPair keys) {
        try {
            element.setIdAttributeNS(null, "ID", true);
            XMLSignatureFactory factory = XMLSignatureFactory.getInstance("DOM");
            Reference reference = factory.newReference(
                    "#" + element.getAttribute("ID"),
                    factory.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(
                            factory.newTransform(Transform.ENVELOPED, (TransformParameterSpec) null),
                            factory.newTransform(CanonicalizationMethod.EXCLUSIVE, (TransformParameterSpec) null)),
                    null,
                    null);
            SignedInfo signedInfo = factory.newSignedInfo(
                    factory.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (C14NMethodParameterSpec) null),
                    factory.newSignatureMethod(SignatureMethod.RSA_SHA256, null),
                    List.of(reference));
            KeyInfoFactory keyInfos = factory.getKeyInfoFactory();
            KeyInfo keyInfo = keyInfos.newKeyInfo(List.of(keyInfos.newKeyValue(keys.getPublic())));
            Node issuer = element.getElementsByTagNameNS(SAML_NS, "Issuer").item(0);
            DOMSignContext context = new DOMSignContext(keys.getPrivate(), element, issuer.getNextSibling());
            factory.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (GeneralSecurityException
                | javax.xml.crypto.MarshalException
                | javax.xml.crypto.dsig.XMLSignatureException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Document parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String write(Node node) {
        try {
            StringWriter out = new StringWriter();
            TransformerFactory.newInstance().newTransformer().transform(new DOMSource(node), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String encode(Document document) {
        return Base64.getEncoder().encodeToString(write(document).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
