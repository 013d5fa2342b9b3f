package io.selvedge.sso;

import io.selvedge.access.Role;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a group's admin set up for a connection, secrets excepted (an OIDC client secret, an LDAP bind
 * password: {@link IdentityProviders#secretOf}). Fields of the other types are null.
 *
 * @param domains the verified e-mail domains the connection signs in (lower-case ASCII)
 * @param trustIdpMfa true: the identity provider's MFA ({@code amr}/{@code acr}, SAML AuthnContext) counts
 *     as the second factor; false: Selvedge's own is asked where MFA is required
 * @param caCertificatePem certificates (PEM) trusted for this connection's TLS, besides the JDK's
 * @param preset OIDC: {@code google}, {@code okta}, {@code entra} or null (any OIDC provider)
 * @param groupsClaim OIDC: the ID token claim that lists the person's groups ({@code groups})
 * @param metadataUrl SAML: where the IdP's metadata was fetched from, if given as a URL
 * @param metadataXml SAML: the IdP's metadata, as fetched at creation or given
 * @param groupsAttribute SAML: the attribute that lists the person's groups ({@code groups})
 * @param url LDAP: {@code ldaps://…}, or {@code ldap://…} with {@code startTls}
 * @param userSearchFilter LDAP: {@code {0}} is the e-mail address given ({@code (userPrincipalName={0})})
 * @param groupSearchFilter LDAP: {@code {0}} is the user's DN ({@code (member={0})})
 */
public record ConnectionSettings(
        ConnectionType type,
        String name,
        List<String> domains,
        boolean trustIdpMfa,
        @Nullable String caCertificatePem,
        List<RoleMapping> roleMappings,
        @Nullable DefaultRole defaultRole,
        @Nullable String preset,
        @Nullable String issuer,
        @Nullable String clientId,
        @Nullable String groupsClaim,
        @Nullable String metadataUrl,
        @Nullable String metadataXml,
        @Nullable String groupsAttribute,
        @Nullable String url,
        boolean startTls,
        @Nullable String bindDn,
        @Nullable String userSearchBase,
        @Nullable String userSearchFilter,
        @Nullable String groupSearchBase,
        @Nullable String groupSearchFilter) {

    public ConnectionSettings {
        domains = domains == null ? List.of() : List.copyOf(domains);
        roleMappings = roleMappings == null ? List.of() : List.copyOf(roleMappings);
    }

    /** What a connection of any type has. */
    public record Common(
            String name,
            List<String> domains,
            boolean trustIdpMfa,
            @Nullable String caCertificatePem,
            List<RoleMapping> roleMappings,
            @Nullable DefaultRole defaultRole) {}

    /** An OIDC connection's settings (the other types' fields null). */
    public static ConnectionSettings oidc(
            Common common, @Nullable String preset, String issuer, String clientId, @Nullable String groupsClaim) {
        return new ConnectionSettings(
                ConnectionType.OIDC,
                common.name(),
                common.domains(),
                common.trustIdpMfa(),
                common.caCertificatePem(),
                common.roleMappings(),
                common.defaultRole(),
                preset,
                issuer,
                clientId,
                groupsClaim,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                null);
    }

    /** A SAML connection's settings (the other types' fields null). */
    public static ConnectionSettings saml(
            Common common, @Nullable String metadataUrl, String metadataXml, @Nullable String groupsAttribute) {
        return new ConnectionSettings(
                ConnectionType.SAML,
                common.name(),
                common.domains(),
                common.trustIdpMfa(),
                common.caCertificatePem(),
                common.roleMappings(),
                common.defaultRole(),
                null,
                null,
                null,
                null,
                metadataUrl,
                metadataXml,
                groupsAttribute,
                null,
                false,
                null,
                null,
                null,
                null,
                null);
    }

    /** An LDAP or Active Directory connection's settings (the other types' fields null). */
    public static ConnectionSettings ldap(Common common, Directory directory) {
        return new ConnectionSettings(
                ConnectionType.LDAP,
                common.name(),
                common.domains(),
                common.trustIdpMfa(),
                common.caCertificatePem(),
                common.roleMappings(),
                common.defaultRole(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                directory.url(),
                directory.startTls(),
                directory.bindDn(),
                directory.userSearchBase(),
                directory.userSearchFilter(),
                directory.groupSearchBase(),
                directory.groupSearchFilter());
    }

    /** Where and how an LDAP connection searches its directory. */
    public record Directory(
            String url,
            boolean startTls,
            String bindDn,
            String userSearchBase,
            @Nullable String userSearchFilter,
            @Nullable String groupSearchBase,
            @Nullable String groupSearchFilter) {}

    /** An IdP group (its name, or for LDAP its {@code cn} or DN) given a role on a node of the group. */
    public record RoleMapping(String idpGroup, Role role, UUID nodeId) {}

    /** The role every person signed in through the connection holds, whatever their IdP groups. */
    public record DefaultRole(Role role, UUID nodeId) {}

    @Override
    public String toString() {
        return "ConnectionSettings[" + type + ", " + domains + "]";
    }
}
