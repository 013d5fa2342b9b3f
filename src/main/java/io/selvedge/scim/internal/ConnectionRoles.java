package io.selvedge.scim.internal;

import io.selvedge.access.DirectoryRoles;
import io.selvedge.access.Role;
import io.selvedge.sso.Connection;
import io.selvedge.sso.ConnectionSettings;
import io.selvedge.sso.IdentityProviders;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * {@link ScimRoles} through the group's single sign-on connections: a SCIM group whose display name is a
 * mapping's {@code idpGroup} (compared without case) gives its role on its node, the strongest per node, as
 * the same groups would at an SSO sign-in; nodes no mapping names are left alone.
 */
@Service
@RequiredArgsConstructor
class ConnectionRoles implements ScimRoles {

    private final IdentityProviders providers;
    private final DirectoryRoles roles;

    @Override
    public void apply(UUID groupId, UUID accountId, Set<String> scimGroupNames) {
        Set<String> names = scimGroupNames.stream()
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        Map<UUID, Role> wanted = new HashMap<>();
        Set<UUID> governed = new HashSet<>();
        for (Connection connection : providers.connectionsOf(groupId)) {
            ConnectionSettings settings = connection.settings();
            if (settings.defaultRole() != null) {
                governed.add(settings.defaultRole().nodeId());
                wanted.merge(
                        settings.defaultRole().nodeId(), settings.defaultRole().role(), ConnectionRoles::stronger);
            }
            for (ConnectionSettings.RoleMapping mapping : settings.roleMappings()) {
                governed.add(mapping.nodeId());
                if (names.contains(mapping.idpGroup().strip().toLowerCase(Locale.ROOT))) {
                    wanted.merge(mapping.nodeId(), mapping.role(), ConnectionRoles::stronger);
                }
            }
        }
        if (!governed.isEmpty()) {
            roles.apply(groupId, accountId, wanted, governed);
        }
    }

    /** Roles are declared strongest first. */
    private static Role stronger(Role a, Role b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
