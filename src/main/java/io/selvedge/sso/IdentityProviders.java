package io.selvedge.sso;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A group's single sign-on connections: kept in the group's region, settings and secrets encrypted under
 * the group's keys; each id's home and each domain's route in the directory. Changes are checked (a
 * domain must be one the group verified and routes to one connection; LDAP only over TLS; SAML metadata
 * fetched at creation; hosts within {@code SELVEDGE_SSO_ALLOWED_HOSTS}) and on the group's trail
 * ({@link IdentityProviderChanged}). Who may change them is the handler's permission
 * ({@code MANAGE_IDENTITY_PROVIDERS} on the group).
 */
public interface IdentityProviders {

    /**
     * Adds a connection.
     *
     * @param secret the OIDC client secret or the LDAP bind password; null for SAML
     * @throws ConnectionRefusedException 422 for invalid settings, 409 for a domain routed already
     */
    Connection create(UUID groupId, ConnectionSettings settings, @Nullable String secret);

    /** The group's connections, oldest first. */
    List<Connection> connectionsOf(UUID groupId);

    /** @throws ConnectionRefusedException 404 if the group has no such connection */
    Connection get(UUID groupId, UUID connectionId);

    /**
     * Replaces a connection's settings (its type stays).
     *
     * @param newSecret a new secret, or null to keep the one stored
     * @param expectedVersion the version the change was made on, or null
     * @throws ConnectionRefusedException 404, 409 (a domain routed elsewhere, or changed meanwhile), 422
     */
    Connection update(
            UUID groupId,
            UUID connectionId,
            ConnectionSettings settings,
            @Nullable String newSecret,
            @Nullable Long expectedVersion);

    /** @throws ConnectionRefusedException 404 if the group has no such connection */
    void delete(UUID groupId, UUID connectionId);

    /** A connection by its id alone, for the sign-in endpoints (unchecked: ids are not secrets). */
    Optional<Connection> find(UUID connectionId);

    /** The connection an e-mail address (or a bare domain) routes to, if its domain has one. */
    Optional<Connection> forEmail(String emailOrDomain);

    /** The connection's secret (OIDC client secret, LDAP bind password), decrypted; empty for none. */
    Optional<String> secretOf(UUID connectionId);

    /** Where the identity provider reaches Selvedge for this connection. */
    Endpoints endpointsOf(UUID connectionId);

    /**
     * The URLs of a connection under {@code SELVEDGE_PUBLIC_URL}.
     *
     * @param signIn {@code /sso/{id}}: starts a sign-in
     * @param redirectUri OIDC: {@code /sso/{id}/callback}
     * @param entityId SAML: the SP entity id, which is the metadata URL
     * @param acsUrl SAML: {@code /sso/{id}/acs} (POST binding)
     * @param metadataUrl SAML: {@code /sso/{id}/metadata}
     */
    record Endpoints(String signIn, String redirectUri, String entityId, String acsUrl, String metadataUrl) {}
}
