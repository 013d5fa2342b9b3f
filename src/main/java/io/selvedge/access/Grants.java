package io.selvedge.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Role grants and shares, kept in each group's region. Granting and revoking are checked against the
 * current caller: they need the right to invite on that node ({@link Action#INVITE_TO_GROUP},
 * {@link Action#INVITE_TO_COMPANY}, {@link Action#INVITE_TO_BRAND}), or for a share
 * {@link Action#SHARE}; nobody grants a role stronger than their own there; the last group admin is
 * never removed or demoted. Each change bumps the group's grant version (dropping cached decisions) and
 * publishes {@link RoleGranted} or {@link RoleRevoked}.
 */
public interface Grants {

    /**
     * Grants a role (or replaces the role the account had) on a node or on the group (node id = group id),
     * as PUT does.
     *
     * @throws NotVisibleException if the caller may not see the node
     * @throws ActionDeniedException if the caller may not grant there, or not this strong a role
     * @throws GrantRefusedException if the role is not granted on this level, the grantee is platform
     *     staff or unknown, or the change would leave the group without an admin
     */
    Grant grant(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload);

    /**
     * Removes an account's grant on a node.
     *
     * @return whether there was one
     * @throws GrantRefusedException if it is the group's last admin
     */
    boolean revoke(UUID nodeId, UUID accountId);

    /** Every grant and share in a group, unchecked: the caller's right to list them is the caller's to check. */
    List<Grant> grantsIn(UUID groupId);

    /** Every grant and share an account holds, in every group. */
    List<Grant> grantsOf(UUID accountId);

    /** The groups in which an account holds any grant or share. */
    Set<UUID> groupsOf(UUID accountId);

    /**
     * A resource another module places in the tree (a style) moved: bumps the group's grant version so
     * cached paths are dropped. Call it inside the transaction, on the group's region, that moved it.
     */
    void pathsChanged(UUID groupId);

    /**
     * A resource another module places in the tree is gone for good: drops the grants and shares on it and
     * bumps the group's grant version. Call it inside the transaction that removed it.
     */
    void resourcePurged(UUID groupId, UUID resourceId);
}
