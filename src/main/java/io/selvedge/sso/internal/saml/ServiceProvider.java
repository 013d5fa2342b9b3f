package io.selvedge.sso.internal.saml;

import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import javax.xml.stream.XMLStreamWriter;
import org.keycloak.dom.saml.v2.metadata.EndpointType;
import org.keycloak.dom.saml.v2.metadata.EntityDescriptorType;
import org.keycloak.saml.SPMetadataDescriptor;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.common.util.StaxUtil;
import org.keycloak.saml.processing.core.saml.v2.writers.SAMLMetadataWriter;

/**
 * Selvedge as the service provider of one SAML connection: its entity id is the URL of its metadata
 * ({@code {publicUrl}/sso/{connectionId}/metadata}) and its assertion consumer service, the only one, takes
 * the HTTP-POST binding at {@code {publicUrl}/sso/{connectionId}/acs}.
 */
public record ServiceProvider(String entityId, String acsUrl) {

    public static ServiceProvider of(String publicUrl, UUID connectionId) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String connection = base + "/sso/" + connectionId;
        return new ServiceProvider(connection + "/metadata", connection + "/acs");
    }

    /**
     * The SP metadata an IdP administrator imports: the entity id, the POST assertion consumer service, signed
     * assertions wanted, unsigned requests, e-mail address NameIDs.
     */
    public String metadataXml() {
        EntityDescriptorType descriptor = SPMetadataDescriptor.buildSPDescriptor(
                List.of(new EndpointType(URI.create(SamlXml.POST_BINDING), URI.create(acsUrl))),
                List.of(),
                false,
                true,
                false,
                entityId,
                SamlXml.EMAIL_FORMAT,
                List.of(),
                List.of());
        try {
            StringWriter xml = new StringWriter();
            XMLStreamWriter writer = StaxUtil.getXMLStreamWriter(xml);
            new SAMLMetadataWriter(writer).writeEntityDescriptor(descriptor);
            writer.flush();
            return xml.toString();
        } catch (ProcessingException | javax.xml.stream.XMLStreamException e) {
            throw new IllegalStateException("SP metadata could not be written", e);
        }
    }
}
