package io.selvedge.sso.internal.saml;

import static io.selvedge.sso.internal.saml.SamlXml.DSIG;
import static io.selvedge.sso.internal.saml.SamlXml.METADATA;
import static io.selvedge.sso.internal.saml.SamlXml.PROTOCOL;

import io.selvedge.sso.internal.saml.SamlRefusal.Reason;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * What Selvedge needs of an identity provider's SAML metadata: its entity id, where to send the browser (the
 * HTTP-Redirect single sign-on service) and the certificates whose keys may sign its
 * responses. Only these certificates are ever trusted: a certificate inside a response is ignored.
 */
public record IdpMetadata(
        String entityId, URI redirectSsoUrl, @Nullable URI postSsoUrl, List<X509Certificate> signingCertificates) {

    public IdpMetadata {
        signingCertificates = List.copyOf(signingCertificates);
        if (redirectSsoUrl == null) {
            throw new IllegalArgumentException(
                    "an identity provider needs a single sign-on service over HTTP-Redirect");
        }
        if (signingCertificates.isEmpty()) {
            throw new IllegalArgumentException("an identity provider needs a signing certificate");
        }
    }

    /**
     * Reads the metadata document ({@code EntityDescriptor}, or an {@code EntitiesDescriptor} holding exactly
     * one identity provider). Refused ({@link Reason#MALFORMED}) when it has a DTD, no SAML 2.0 IdP descriptor,
     * no single sign-on service over HTTP-Redirect, or no signing certificate.
     */
    public static IdpMetadata parse(String xml) throws SamlRefusal {
        Element root = SamlXml.parse(xml).getDocumentElement();
        List<Element> idps = new ArrayList<>();
        collectIdps(root, idps, 0);
        if (idps.size() != 1) {
            throw malformed(idps.isEmpty() ? "no SAML 2.0 identity provider in it" : "more than one identity provider");
        }
        Element idp = idps.get(0);
        String entityId = SamlXml.attribute((Element) idp.getParentNode(), "entityID");
        if (entityId == null) {
            throw malformed("the entity has no entityID");
        }
        URI redirect = null;
        URI post = null;
        for (Element service : SamlXml.children(idp, METADATA, "SingleSignOnService")) {
            String binding = SamlXml.attribute(service, "Binding");
            URI location = httpUrl(SamlXml.attribute(service, "Location"));
            if (SamlXml.REDIRECT_BINDING.equals(binding) && redirect == null) {
                redirect = location;
            } else if (SamlXml.POST_BINDING.equals(binding) && post == null) {
                post = location;
            }
        }
        if (redirect == null) {
            throw malformed("no single sign-on service over HTTP-Redirect, where Selvedge sends the browser");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        for (Element key : SamlXml.children(idp, METADATA, "KeyDescriptor")) {
            String use = SamlXml.attribute(key, "use");
            if (use != null && !use.equals("signing")) {
                continue;
            }
            Element keyInfo = SamlXml.child(key, DSIG, "KeyInfo");
            if (keyInfo == null) {
                continue;
            }
            for (Element data : SamlXml.children(keyInfo, DSIG, "X509Data")) {
                for (Element certificate : SamlXml.children(data, DSIG, "X509Certificate")) {
                    certificates.add(certificate(SamlXml.text(certificate)));
                }
            }
        }
        if (certificates.isEmpty()) {
            throw malformed("no signing certificate");
        }
        return new IdpMetadata(entityId, redirect, post, certificates);
    }

    private static void collectIdps(Element element, List<Element> idps, int depth) throws SamlRefusal {
        if (depth > 8) {
            throw malformed("nested too deep");
        }
        if (SamlXml.is(element, METADATA, "EntitiesDescriptor")) {
            for (Element entity : SamlXml.children(element, METADATA, "EntityDescriptor")) {
                collectIdps(entity, idps, depth + 1);
            }
            for (Element group : SamlXml.children(element, METADATA, "EntitiesDescriptor")) {
                collectIdps(group, idps, depth + 1);
            }
        } else if (SamlXml.is(element, METADATA, "EntityDescriptor")) {
            for (Element idp : SamlXml.children(element, METADATA, "IDPSSODescriptor")) {
                String protocols = SamlXml.attribute(idp, "protocolSupportEnumeration");
                if (protocols != null && List.of(protocols.split("\\s+")).contains(PROTOCOL)) {
                    idps.add(idp);
                }
            }
        }
    }

    private static URI httpUrl(@Nullable String location) throws SamlRefusal {
        try {
            URI uri = location == null ? null : new URI(location);
            if (uri == null
                    || uri.getHost() == null
                    || !List.of("https", "http").contains(uri.getScheme())) {
                throw malformed("a single sign-on service's location is not an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw malformed("a single sign-on service's location is not a URL");
        }
    }

    private static X509Certificate certificate(@Nullable String base64) throws SamlRefusal {
        if (base64 == null) {
            throw malformed("an empty certificate");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException | ClassCastException e) {
            throw malformed("a signing certificate that cannot be read");
        }
    }

    private static SamlRefusal malformed(String detail) {
        return new SamlRefusal(Reason.MALFORMED, "IdP metadata: " + detail);
    }
}
