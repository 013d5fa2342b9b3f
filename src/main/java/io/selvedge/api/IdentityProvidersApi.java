package io.selvedge.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.selvedge.access.Action;
import io.selvedge.access.Requires;
import io.selvedge.access.Role;
import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionRefusedException;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.ConnectionSettings.DefaultRole;
import io.selvedge.sso.ConnectionSettings.RoleMapping;
import io.selvedge.sso.ConnectionType;
import io.selvedge.sso.IdentityProviders;
import io.selvedge.sso.IdentityProviders.Endpoints;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A group's single sign-on connections: {@code POST}, {@code GET /api/v1/groups/{id}/identity-providers},
 * {@code GET}, {@code PATCH} (fields given replace, the others stay) and {@code DELETE .../{pid}}. Secrets
 * (an OIDC client secret, an LDAP bind password) are written, never answered.
 */
@RestController
@RequiredArgsConstructor
class IdentityProvidersApi {

    private final IdentityProviders providers;

    @PostMapping("/api/v1/groups/{groupId}/identity-providers")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    ResponseEntity<ProviderBody> create(@PathVariable UUID groupId, @Valid @RequestBody ProviderRequest request) {
        ConnectionType type = typeOf(request.type());
        Connection created = providers.create(groupId, request.onto(null, type), request.secret(type));
        return ResponseEntity.created(URI.create("/api/v1/groups/" + groupId + "/identity-providers/" + created.id()))
                .body(body(created));
    }

    @GetMapping("/api/v1/groups/{groupId}/identity-providers")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    ProviderList list(@PathVariable UUID groupId) {
        return new ProviderList(
                providers.connectionsOf(groupId).stream().map(this::body).toList(), null);
    }

    @GetMapping("/api/v1/groups/{groupId}/identity-providers/{providerId}")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    ProviderBody get(@PathVariable UUID groupId, @PathVariable UUID providerId) {
        return body(providers.get(groupId, providerId));
    }

    @PatchMapping("/api/v1/groups/{groupId}/identity-providers/{providerId}")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    ProviderBody change(
            @PathVariable UUID groupId, @PathVariable UUID providerId, @Valid @RequestBody ProviderRequest request) {
        Connection current = providers.get(groupId, providerId);
        if (request.type() != null && typeOf(request.type()) != current.type()) {
            throw ConnectionRefusedException.invalid("A connection's type cannot change: add another connection.");
        }
        return body(providers.update(
                groupId,
                providerId,
                request.onto(current.settings(), current.type()),
                request.secret(current.type()),
                request.version()));
    }

    @DeleteMapping("/api/v1/groups/{groupId}/identity-providers/{providerId}")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    ResponseEntity<Void> delete(@PathVariable UUID groupId, @PathVariable UUID providerId) {
        providers.delete(groupId, providerId);
        return ResponseEntity.noContent().build();
    }

    private static ConnectionType typeOf(@Nullable String type) {
        try {
            return ConnectionType.valueOf(String.valueOf(type).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConnectionRefusedException.invalid("type is one of oidc, saml, ldap.");
        }
    }

    private ProviderBody body(Connection connection) {
        ConnectionSettings s = connection.settings();
        Endpoints endpoints = providers.endpointsOf(connection.id());
        boolean oidc = connection.type() == ConnectionType.OIDC;
        boolean saml = connection.type() == ConnectionType.SAML;
        return new ProviderBody(
                connection.id(),
                connection.type().name().toLowerCase(Locale.ROOT),
                s.name(),
                s.domains(),
                s.trustIdpMfa(),
                s.caCertificatePem(),
                s.roleMappings().stream()
                        .map(m -> new MappingBody(m.idpGroup(), m.role(), m.nodeId()))
                        .toList(),
                s.defaultRole() == null
                        ? null
                        : new DefaultRoleBody(
                                s.defaultRole().role(), s.defaultRole().nodeId()),
                endpoints.signIn(),
                oidc ? endpoints.redirectUri() : null,
                s.preset(),
                s.issuer(),
                s.clientId(),
                oidc || saml ? (oidc ? s.groupsClaim() : null) : null,
                saml ? endpoints.entityId() : null,
                saml ? endpoints.acsUrl() : null,
                saml ? endpoints.metadataUrl() : null,
                saml ? s.metadataUrl() : null,
                saml ? s.metadataXml() : null,
                saml ? s.groupsAttribute() : null,
                s.url(),
                connection.type() == ConnectionType.LDAP ? s.startTls() : null,
                s.bindDn(),
                s.userSearchBase(),
                s.userSearchFilter(),
                s.groupSearchBase(),
                s.groupSearchFilter(),
                connection.version(),
                connection.createdAt(),
                connection.updatedAt());
    }

    /** One role mapping as the API writes it. */
    record MappingBody(@Size(max = 1000) String idpGroup, Role role, UUID nodeId) {}

    record DefaultRoleBody(Role role, UUID nodeId) {}

    /**
     * What a client sends to create or change a connection: the fields of its type (see the API
     * documentation); on PATCH, the fields given replace the stored ones and the others stay.
     */
    record ProviderRequest(
            @Nullable String type,
            @Nullable @Size(max = 200) String name,
            @Nullable @Size(max = 100) List<@Size(max = 253) String> domains,
            @Nullable Boolean trustIdpMfa,
            @Nullable @Size(max = 100_000) String caCertificatePem,
            @Nullable @Size(max = 500) List<@Valid MappingBody> roleMappings,
            @Nullable DefaultRoleBody defaultRole,
            @Nullable String preset,
            @Nullable @Size(max = 2000) String issuer,
            @Nullable @Size(max = 500) String clientId,
            @Nullable @Size(max = 4000) String clientSecret,
            @Nullable @Size(max = 200) String groupsClaim,
            @Nullable @Size(max = 2000) String metadataUrl,
            @Nullable @Size(max = 1_000_000) String metadataXml,
            @Nullable @Size(max = 200) String groupsAttribute,
            @Nullable @Size(max = 2000) String url,
            @Nullable Boolean startTls,
            @Nullable @Size(max = 2000) String bindDn,
            @Nullable @Size(max = 4000) String bindPassword,
            @Nullable @Size(max = 2000) String userSearchBase,
            @Nullable @Size(max = 1000) String userSearchFilter,
            @Nullable @Size(max = 2000) String groupSearchBase,
            @Nullable @Size(max = 1000) String groupSearchFilter,
            @Nullable Long version) {

        /** The settings: these fields over {@code current} (null for a new connection). */
        ConnectionSettings onto(@Nullable ConnectionSettings current, ConnectionType type) {
            ConnectionSettings c = current;
            boolean samlSource = metadataUrl != null || metadataXml != null;
            return new ConnectionSettings(
                    type,
                    pick(name, c == null ? null : c.name()),
                    domains != null ? domains : c == null ? List.of() : c.domains(),
                    trustIdpMfa != null ? trustIdpMfa : c != null && c.trustIdpMfa(),
                    pick(caCertificatePem, c == null ? null : c.caCertificatePem()),
                    roleMappings != null
                            ? roleMappings.stream()
                                    .map(m -> m == null ? null : new RoleMapping(m.idpGroup(), m.role(), m.nodeId()))
                                    .toList()
                            : c == null ? List.of() : c.roleMappings(),
                    defaultRole != null
                            ? new DefaultRole(defaultRole.role(), defaultRole.nodeId())
                            : c == null ? null : c.defaultRole(),
                    pick(preset, c == null ? null : c.preset()),
                    pick(issuer, c == null ? null : c.issuer()),
                    pick(clientId, c == null ? null : c.clientId()),
                    pick(groupsClaim, c == null ? null : c.groupsClaim()),
                    samlSource ? metadataUrl : c == null ? null : c.metadataUrl(),
                    samlSource
                            ? (metadataUrl != null ? null : metadataXml)
                            : c == null ? null : c.metadataUrl() != null ? null : c.metadataXml(),
                    pick(groupsAttribute, c == null ? null : c.groupsAttribute()),
                    pick(url, c == null ? null : c.url()),
                    startTls != null ? startTls : c != null && c.startTls(),
                    pick(bindDn, c == null ? null : c.bindDn()),
                    pick(userSearchBase, c == null ? null : c.userSearchBase()),
                    pick(userSearchFilter, c == null ? null : c.userSearchFilter()),
                    pick(groupSearchBase, c == null ? null : c.groupSearchBase()),
                    pick(groupSearchFilter, c == null ? null : c.groupSearchFilter()));
        }

        @Nullable
        String secret(ConnectionType type) {
            return switch (type) {
                case OIDC -> clientSecret;
                case LDAP -> bindPassword;
                case SAML -> null;
            };
        }

        @Nullable
        private static String pick(@Nullable String given, @Nullable String current) {
            return given != null ? given : current;
        }
    }

    /**
     * A connection as answered: never a secret. {@code signInUrl} starts a sign-in; OIDC adds
     * {@code redirectUri}; SAML adds {@code entityId}, {@code acsUrl} and {@code metadataUrl} (Selvedge's, to
     * give the IdP) and {@code idpMetadataUrl}/{@code idpMetadataXml} (the IdP's).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ProviderBody(
            UUID id,
            String type,
            String name,
            List<String> domains,
            boolean trustIdpMfa,
            @Nullable String caCertificatePem,
            List<MappingBody> roleMappings,
            @Nullable DefaultRoleBody defaultRole,
            String signInUrl,
            @Nullable String redirectUri,
            @Nullable String preset,
            @Nullable String issuer,
            @Nullable String clientId,
            @Nullable String groupsClaim,
            @Nullable String entityId,
            @Nullable String acsUrl,
            @Nullable String metadataUrl,
            @Nullable String idpMetadataUrl,
            @Nullable String idpMetadataXml,
            @Nullable String groupsAttribute,
            @Nullable String url,
            @Nullable Boolean startTls,
            @Nullable String bindDn,
            @Nullable String userSearchBase,
            @Nullable String userSearchFilter,
            @Nullable String groupSearchBase,
            @Nullable String groupSearchFilter,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    /** One page: a group has few connections, so {@code nextCursor} is always null. */
    record ProviderList(
            List<ProviderBody> items,

            @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable
            String nextCursor) {}
}
