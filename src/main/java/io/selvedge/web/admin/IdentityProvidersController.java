package io.selvedge.web.admin;

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
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The group's single sign-on connections in the admin console: the list with the URLs to give each identity
 * provider, a form to add one (OIDC, SAML or LDAP) and removal. The same rules as the API (the sso module's).
 */
@Controller
@RequiredArgsConstructor
class IdentityProvidersController {

    private final AdminPage page;
    private final IdentityProviders providers;

    @GetMapping("/admin/groups/{groupId}/sso")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    String show(@PathVariable UUID groupId, Model model) {
        return form(groupId, ConnectionForm.empty(), null, model);
    }

    @PostMapping("/admin/groups/{groupId}/sso")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    String add(
            @PathVariable UUID groupId,
            @ModelAttribute ConnectionForm submitted,
            HttpServletResponse response,
            Model model) {
        try {
            ConnectionType type = submitted.typeOrNull();
            if (type == null) {
                throw ConnectionRefusedException.invalid(page.text("admin.sso.badType"));
            }
            providers.create(groupId, submitted.settings(type), submitted.secret(type));
        } catch (ConnectionRefusedException e) {
            response.setStatus(e.getStatusCode().value());
            return form(groupId, submitted, e.getMessage(), model);
        }
        return "redirect:/admin/groups/" + groupId + "/sso?added";
    }

    @PostMapping("/admin/groups/{groupId}/sso/{connectionId}/delete")
    @Requires(value = Action.MANAGE_IDENTITY_PROVIDERS, target = "groupId")
    String delete(@PathVariable UUID groupId, @PathVariable UUID connectionId) {
        providers.delete(groupId, connectionId);
        return "redirect:/admin/groups/" + groupId + "/sso?deleted";
    }

    private String form(UUID groupId, ConnectionForm form, @Nullable String problem, Model model) {
        page.frame(model, groupId, Section.SINGLE_SIGN_ON);
        List<Row> rows = new ArrayList<>();
        for (Connection connection : providers.connectionsOf(groupId)) {
            rows.add(new Row(connection, providers.endpointsOf(connection.id())));
        }
        model.addAttribute("connections", rows);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("roles", Role.values());
        return "admin/sso";
    }

    /** A connection as the list shows it, with the URLs its identity provider needs. */
    record Row(Connection connection, IdentityProviders.Endpoints endpoints) {

        public String type() {
            return connection.type().name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What the form sends; fields of the other types are ignored. {@code domains} is comma- or
     * space-separated; {@code roleMappings} has one mapping per line: {@code IdP group; ROLE; node id}.
     */
    record ConnectionForm(
            String type,
            String name,
            String domains,
            @Nullable Boolean trustIdpMfa,
            String caCertificatePem,
            String roleMappings,
            String defaultRole,
            String defaultNodeId,
            String preset,
            String issuer,
            String clientId,
            String clientSecret,
            String metadataUrl,
            String metadataXml,
            String url,
            @Nullable Boolean startTls,
            String bindDn,
            String bindPassword,
            String userSearchBase,
            String userSearchFilter,
            String groupSearchBase) {

        static ConnectionForm empty() {
            return new ConnectionForm(
                    "oidc", "", "", false, "", "", "", "", "", "", "", "", "", "", "", false, "", "", "", "", "");
        }

        @Nullable
        ConnectionType typeOrNull() {
            try {
                return ConnectionType.valueOf(String.valueOf(type).strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }

        ConnectionSettings settings(ConnectionType type) {
            return new ConnectionSettings(
                    type,
                    name,
                    Arrays.stream(String.valueOf(domains).split("[,\\s]+"))
                            .filter(domain -> !domain.isBlank())
                            .toList(),
                    Boolean.TRUE.equals(trustIdpMfa),
                    blank(caCertificatePem),
                    mappings(),
                    defaultRoleOf(),
                    blank(preset),
                    blank(issuer),
                    blank(clientId),
                    null,
                    blank(metadataUrl),
                    blank(metadataUrl) == null ? blank(metadataXml) : null,
                    null,
                    blank(url),
                    Boolean.TRUE.equals(startTls),
                    blank(bindDn),
                    blank(userSearchBase),
                    blank(userSearchFilter),
                    blank(groupSearchBase),
                    null);
        }

        @Nullable
        String secret(ConnectionType type) {
            return switch (type) {
                case OIDC -> blank(clientSecret);
                case LDAP -> blank(bindPassword);
                case SAML -> null;
            };
        }

        private List<RoleMapping> mappings() {
            List<RoleMapping> mappings = new ArrayList<>();
            for (String line : String.valueOf(roleMappings).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                String[] parts = line.split(";");
                if (parts.length != 3) {
                    throw ConnectionRefusedException.invalid(
                            "Write each role mapping on its own line as: IdP group; ROLE; node id (" + line.strip()
                                    + ").");
                }
                mappings.add(new RoleMapping(parts[0].strip(), roleOf(parts[1]), idOf(parts[2])));
            }
            return mappings;
        }

        @Nullable
        private DefaultRole defaultRoleOf() {
            if (blank(defaultRole) == null) {
                return null;
            }
            return new DefaultRole(roleOf(defaultRole), idOf(defaultNodeId));
        }

        private static Role roleOf(String text) {
            try {
                return Role.valueOf(text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ConnectionRefusedException.invalid("There is no role " + text.strip() + ".");
            }
        }

        private static UUID idOf(String text) {
            try {
                return UUID.fromString(String.valueOf(text).strip());
            } catch (IllegalArgumentException e) {
                throw ConnectionRefusedException.invalid("A node id is a UUID (" + text + ").");
            }
        }

        @Nullable
        private static String blank(@Nullable String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }
}
