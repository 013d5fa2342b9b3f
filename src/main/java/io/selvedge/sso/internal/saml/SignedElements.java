package io.selvedge.sso.internal.saml;

import static io.selvedge.sso.internal.saml.SamlXml.DSIG;

import io.selvedge.sso.internal.saml.SamlRefusal.Reason;
import java.security.Key;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.crypto.MarshalException;
import javax.xml.crypto.dsig.XMLSignatureException;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks the enveloped signature of one element ({@code Response} or {@code Assertion}) with the keys of the
 * IdP's metadata only, and that this very element is what the signature covers: one reference, to its own
 * {@code ID}, with no transform but the enveloped-signature one and exclusive canonicalization.
 */
final class SignedElements {

    private static final Set<String> TRANSFORMS =
            Set.of("http://www.w3.org/2000/09/xmldsig#enveloped-signature", "http://www.w3.org/2001/10/xml-exc-c14n#");

    private SignedElements() {}

    /**
     * False when {@code element} carries no signature of its own; true when its signature is valid under one
     * of {@code certificates} and covers exactly {@code element}; refused otherwise.
     */
    static boolean verify(Element element, List<X509Certificate> certificates) throws SamlRefusal {
        Element signature = SamlXml.child(element, DSIG, "Signature");
        if (signature == null) {
            return false;
        }
        String id = SamlXml.attribute(element, "ID");
        if (id == null) {
            throw new SamlRefusal(Reason.MALFORMED, element.getLocalName() + " without an ID");
        }
        checkReference(signature, id);
        List<Key> keys = certificates.stream().map(c -> (Key) c.getPublicKey()).toList();
        Set<Node> signed = new HashSet<>();
        boolean valid;
        try {
            valid = XMLSignatureUtil.validateSingleNode(signature, new HardcodedKeyLocator(keys), signed);
        } catch (MarshalException | XMLSignatureException | RuntimeException e) {
            valid = false;
        }
        if (!valid) {
            throw new SamlRefusal(
                    Reason.BAD_SIGNATURE, element.getLocalName() + " signature not valid under the IdP's keys");
        }
        if (!signed.equals(Set.of(element))) {
            throw new SamlRefusal(Reason.SIGNATURE_WRAPPING, "the signature covers another element than its parent");
        }
        return true;
    }

    private static void checkReference(Element signature, String id) throws SamlRefusal {
        Element signedInfo = SamlXml.child(signature, DSIG, "SignedInfo");
        List<Element> references = signedInfo == null ? List.of() : SamlXml.children(signedInfo, DSIG, "Reference");
        if (references.size() != 1) {
            throw new SamlRefusal(Reason.SIGNATURE_WRAPPING, "a signature with other than one reference");
        }
        Element reference = references.get(0);
        if (!("#" + id).equals(reference.getAttributeNS(null, "URI"))) {
            throw new SamlRefusal(Reason.SIGNATURE_WRAPPING, "the signature references another element");
        }
        Element transforms = SamlXml.child(reference, DSIG, "Transforms");
        if (transforms != null) {
            for (Element transform : SamlXml.children(transforms, DSIG, "Transform")) {
                if (!TRANSFORMS.contains(transform.getAttributeNS(null, "Algorithm"))) {
                    throw new SamlRefusal(Reason.BAD_SIGNATURE, "a transform other than enveloped and exc-c14n");
                }
            }
        }
    }
}
