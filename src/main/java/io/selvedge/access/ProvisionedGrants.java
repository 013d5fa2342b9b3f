package io.selvedge.access;

import java.util.UUID;

/**
 * Roles the group's own directory gives its managed accounts (SCIM groups and single sign-on mapped to
 * roles on nodes): granted without a calling account, for accounts the group manages only, never demoting
 * or removing the group's last admin. Each change publishes {@link RoleGranted} or {@link RoleRevoked} with
 * no granting account (the directory's own events name the client).
 */
public interface ProvisionedGrants {

    /**
     * Grants the role on the node (or the group: node id = group id), replacing the account's role there.
     *
     * @throws NotVisibleException if the node is not the group's, or the group does not manage the account
     * @throws GrantRefusedException if the role is not granted on the node's level
     */
    void grant(UUID groupId, UUID nodeId, UUID accountId, Role role);

    /**
     * Removes the account's grant on the node if it is still {@code role} (an admin may have changed it since).
     *
     * @return whether it was removed
     */
    boolean revoke(UUID groupId, UUID nodeId, UUID accountId, Role role);
}
