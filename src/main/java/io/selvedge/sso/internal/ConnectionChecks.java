package io.selvedge.sso.internal;

import io.selvedge.access.DirectoryRoles;
import io.selvedge.access.EmailDomains;
import io.selvedge.access.GrantRefusedException;
import io.selvedge.sso.ConnectionRefusedException;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.ConnectionSettings.DefaultRole;
import io.selvedge.sso.ConnectionSettings.RoleMapping;
import io.selvedge.sso.SsoProperties;
import io.selvedge.sso.internal.ldap.DirectoryConnection;
import io.selvedge.sso.internal.saml.IdpMetadata;
import io.selvedge.sso.internal.saml.SamlRefusal;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a connection's settings before they are stored, and puts them in their stored form (domains in
 * lower-case ASCII, defaults filled, SAML metadata fetched). Every refusal is a 422 saying what to fix.
 */
@Component
@RequiredArgsConstructor
class ConnectionChecks {

    static final String DEFAULT_GROUPS = "groups";
    static final String DEFAULT_USER_FILTER = "(userPrincipalName={0})";
    static final String DEFAULT_GROUP_FILTER = "(member={0})";
    private static final int LONGEST_TEXT = 2000;
    private static final int MOST_MAPPINGS = 500;

    private final EmailDomains domains;
    private final DirectoryRoles roles;
    private final SamlMetadataFetcher metadata;
    private final SsoProperties properties;

    /**
     * The settings as stored, checked.
     *
     * @param creating true for a new connection (its secret is then required)
     * @param secret the new secret, or null (kept, when not creating)
     */
    ConnectionSettings checked(UUID groupId, ConnectionSettings given, @Nullable String secret, boolean creating) {
        try {
            return check(groupId, given, secret, creating);
        } catch (IllegalArgumentException e) {
            throw ConnectionRefusedException.invalid(e.getMessage());
        }
    }

    private ConnectionSettings check(UUID groupId, ConnectionSettings s, @Nullable String secret, boolean creating) {
        if (s.type() == null) {
            throw new IllegalArgumentException("type is one of oidc, saml, ldap.");
        }
        String name = required("name", s.name(), 200);
        List<String> routed = domainsOf(groupId, s.domains());
        String ca = optional("caCertificatePem", s.caCertificatePem(), 100_000);
        if (ca != null) {
            ConnectionTrust.certificates(ca);
        }
        checkMappings(groupId, s.roleMappings(), s.defaultRole());
        ConnectionSettings.Common common =
                new ConnectionSettings.Common(name, routed, s.trustIdpMfa(), ca, s.roleMappings(), s.defaultRole());
        return switch (s.type()) {
            case OIDC -> {
                String preset = OidcPresets.of(s.preset()).orElse(null);
                String issuer = OidcPresets.issuer(preset, s.issuer());
                URI issuerUri = httpsUrl("issuer", issuer);
                OidcPresets.check(preset, issuerUri.toString());
                String clientId = required("clientId", s.clientId(), 500);
                if (creating || secret != null) {
                    required("clientSecret", secret, 4000);
                }
                yield ConnectionSettings.oidc(
                        common,
                        preset,
                        issuerUri.toString().replaceAll("/+$", ""),
                        clientId,
                        claimName("groupsClaim", s.groupsClaim()));
            }
            case SAML -> {
                String url = optional("metadataUrl", s.metadataUrl(), LONGEST_TEXT);
                String xml = optional("metadataXml", s.metadataXml(), SamlMetadataFetcher.LARGEST);
                if ((url == null) == (xml == null)) {
                    throw new IllegalArgumentException("Give metadataUrl or metadataXml (one of them).");
                }
                if (url != null) {
                    URI uri = httpsUrl("metadataUrl", url);
                    xml = metadata.fetch(uri, ca);
                }
                SamlMetadataFetcher.requireEntityDescriptor(xml);
                usableIdpMetadata(xml);
                yield ConnectionSettings.saml(common, url, xml, claimName("groupsAttribute", s.groupsAttribute()));
            }
            case LDAP -> {
                String url = required("url", s.url(), LONGEST_TEXT);
                // The directory's own rule (ldaps, or ldap with StartTLS; one server, no path): one place says it.
                DirectoryConnection.requireSafeUrl(url, s.startTls());
                URI uri = uri("url", url);
                allowedHost("url", uri);
                String bindDn = required("bindDn", s.bindDn(), LONGEST_TEXT);
                if (creating || secret != null) {
                    required("bindPassword", secret, 4000);
                }
                yield ConnectionSettings.ldap(
                        common,
                        new ConnectionSettings.Directory(
                                uri.toString(),
                                s.startTls(),
                                bindDn,
                                required("userSearchBase", s.userSearchBase(), LONGEST_TEXT),
                                filter("userSearchFilter", s.userSearchFilter(), DEFAULT_USER_FILTER),
                                optional("groupSearchBase", s.groupSearchBase(), LONGEST_TEXT),
                                filter("groupSearchFilter", s.groupSearchFilter(), DEFAULT_GROUP_FILTER)));
            }
        };
    }

    private List<String> domainsOf(UUID groupId, List<String> given) {
        if (given.isEmpty()) {
            throw new IllegalArgumentException("Name at least one of the group's verified domains in domains.");
        }
        Set<String> verified = new LinkedHashSet<>();
        domains.domainsOf(groupId).stream()
                .filter(EmailDomains.Domain::verified)
                .forEach(domain -> verified.add(domain.domain()));
        Set<String> routed = new LinkedHashSet<>();
        for (String domain : given) {
            String name = normalisedDomain(domain);
            if (!verified.contains(name)) {
                throw new IllegalArgumentException("The domain " + name
                        + " is not one of the group's verified domains: claim and verify it first.");
            }
            routed.add(name);
        }
        return List.copyOf(routed);
    }

    private void checkMappings(UUID groupId, List<RoleMapping> mappings, @Nullable DefaultRole defaultRole) {
        if (mappings.size() > MOST_MAPPINGS) {
            throw new IllegalArgumentException("At most " + MOST_MAPPINGS + " role mappings.");
        }
        for (RoleMapping mapping : mappings) {
            if (mapping == null || mapping.role() == null || mapping.nodeId() == null) {
                throw new IllegalArgumentException("Each role mapping names idpGroup, role and nodeId.");
            }
            required("idpGroup", mapping.idpGroup(), 1000);
            checkRole(groupId, mapping.nodeId(), mapping);
        }
        if (defaultRole != null) {
            if (defaultRole.role() == null || defaultRole.nodeId() == null) {
                throw new IllegalArgumentException("defaultRole names role and nodeId.");
            }
            checkRole(groupId, defaultRole.nodeId(), defaultRole);
        }
    }

    private void checkRole(UUID groupId, UUID nodeId, Object mapping) {
        try {
            roles.checkMapping(
                    groupId, nodeId, mapping instanceof RoleMapping m ? m.role() : ((DefaultRole) mapping).role());
        } catch (GrantRefusedException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    /** A domain in lower-case ASCII (an IDN as its A-labels). */
    static String normalisedDomain(@Nullable String domain) {
        if (domain == null || domain.isBlank() || domain.length() > 253) {
            throw new IllegalArgumentException("Each domain is a domain name, e.g. example.com.");
        }
        try {
            return IDN.toASCII(domain.strip(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("This is not a domain name: " + domain.strip() + ".");
        }
    }

    private URI httpsUrl(String field, @Nullable String url) {
        URI uri = uri(field, required(field, url, LONGEST_TEXT));
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException(field + " is an https:// URL.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(field + " is a plain https:// URL, without query or credentials.");
        }
        allowedHost(field, uri);
        return uri;
    }

    private static URI uri(String field, String url) {
        try {
            URI uri = new URI(url.strip());
            if (uri.getHost() == null) {
                throw new IllegalArgumentException(field + " names no host.");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is not a URL.");
        }
    }

    /**
     * The metadata as sign-in reads it: one SAML 2.0 identity provider with an entity id, a single sign-on
     * service over HTTP-Redirect and a signing certificate. Refused now rather than at the first sign-in.
     */
    private static void usableIdpMetadata(String xml) {
        try {
            IdpMetadata.parse(xml);
        } catch (SamlRefusal e) {
            String detail = e.getMessage().replaceFirst("^[a-z_]+: IdP metadata: ", "");
            throw new IllegalArgumentException("The identity provider's metadata cannot be used for sign-in: " + detail
                    + ". Download it again from the identity provider (its SAML or federation metadata).");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "The identity provider's metadata cannot be used for sign-in: " + e.getMessage() + ".");
        }
    }

    /** Within {@code SELVEDGE_SSO_ALLOWED_HOSTS}, when set. */
    void allowedHost(String field, URI uri) {
        List<String> allowed = properties.allowedHosts();
        if (allowed.isEmpty()) {
            return;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        boolean ok = allowed.stream()
                .map(h -> h.toLowerCase(Locale.ROOT))
                .anyMatch(pattern ->
                        pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : host.equals(pattern));
        if (!ok) {
            throw new IllegalArgumentException(
                    "The host of " + field + " (" + host + ") is not among the hosts this installation allows.");
        }
    }

    private static String required(String field, @Nullable String value, int longest) {
        String given = optional(field, value, longest);
        if (given == null) {
            throw new IllegalArgumentException("Give " + field + ".");
        }
        return given;
    }

    @Nullable
    private static String optional(String field, @Nullable String value, int longest) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > longest) {
            throw new IllegalArgumentException(field + " is at most " + longest + " characters.");
        }
        return value.strip();
    }

    private static String claimName(String field, @Nullable String value) {
        String given = optional(field, value, 200);
        if (given == null) {
            return DEFAULT_GROUPS;
        }
        if (!given.matches("[A-Za-z0-9_.:/-]+")) {
            throw new IllegalArgumentException(field + " is a claim or attribute name (letters, digits, _ . : / -).");
        }
        return given;
    }

    private static String filter(String field, @Nullable String value, String fallback) {
        String given = optional(field, value, 1000);
        if (given == null) {
            return fallback;
        }
        // {1}, the part before the @, serves (sAMAccountName={1}) in the user search (sso.internal.ldap).
        boolean placeholder = given.contains("{0}") || (field.equals("userSearchFilter") && given.contains("{1}"));
        if (!given.startsWith("(") || !given.endsWith(")") || !placeholder) {
            throw new IllegalArgumentException(field + " is an LDAP filter in parentheses with {0}, e.g. " + fallback);
        }
        return given;
    }
}
