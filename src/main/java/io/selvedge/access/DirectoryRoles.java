package io.selvedge.access;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The roles an organisation's directory gives its people: an SSO connection's or SCIM's role mappings,
 * applied when the directory vouches for the person (an SSO sign-in, a SCIM change). Not checked against
 * the current caller: the group's admin stated the mappings, checked by {@link #checkMapping}, when they
 * set up the connection. Each change publishes {@link RoleGranted} or {@link RoleRevoked} on the group's
 * trail, with the account itself as the actor and no granter.
 */
public interface DirectoryRoles {

    /**
     * Refuses a mapping that could never be applied: the node is not the group's (or the group itself), or
     * the role is not granted on its level.
     *
     * @throws GrantRefusedException saying which
     */
    void checkMapping(UUID groupId, UUID nodeId, Role role);

    /**
     * Sets the account's roles on the nodes the directory governs: afterwards it holds {@code wanted.get(node)}
     * on each node of {@code governed} that {@code wanted} names, and no grant on the others. Grants on nodes
     * outside {@code governed} are left alone; a mapping that no longer applies (node gone, role not granted
     * there) is skipped; the group's last admin is never removed or demoted.
     *
     * @return whether any grant changed
     */
    boolean apply(UUID groupId, UUID accountId, Map<UUID, Role> wanted, Set<UUID> governed);
}
