package io.selvedge.access;

import java.util.List;
import java.util.UUID;

/**
 * The break-glass accounts of a group, part of its security policy: managed accounts of the group that keep
 * their password (with MFA, which they must have) when the group admits single sign-on only, so an outage of
 * the identity provider does not lock the group out. Named by an admin who may change the security policy;
 * while the group is single sign-on only, the last one cannot be removed. Publishes
 * {@link BreakGlassAccountsChanged}.
 */
public interface BreakGlassAccounts {

    /** The group's break-glass accounts. */
    List<UUID> of(UUID groupId);

    /** Whether the account is one of the group's break-glass accounts. */
    boolean isBreakGlass(UUID groupId, UUID accountId);

    /**
     * Replaces the group's break-glass accounts, for the current caller (who must hold
     * {@link Action#CHANGE_SECURITY_POLICY}).
     *
     * @throws SecurityPolicyRefusedException 422 if an account is not managed by the group, has no second
     *     factor, or the list would be empty while the group is single sign-on only; or more than ten
     */
    List<UUID> name(UUID groupId, List<UUID> accountIds);
}
