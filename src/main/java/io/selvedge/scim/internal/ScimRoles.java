package io.selvedge.scim.internal;

import java.util.Set;
import java.util.UUID;

/**
 * Turns a provisioned account's SCIM groups into its roles: the group's single sign-on connections map IdP
 * group names to roles on nodes ({@code roleMappings}), and a SCIM group is matched by its display name.
 */
interface ScimRoles {

    /** Sets the account's mapped roles from the display names of the SCIM groups it is in now. */
    void apply(UUID groupId, UUID accountId, Set<String> scimGroupNames);
}
