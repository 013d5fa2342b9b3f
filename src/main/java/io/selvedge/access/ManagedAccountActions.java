package io.selvedge.access;

import io.selvedge.platform.AuditActor;
import java.util.UUID;

/**
 * What only the group that manages an account (its address is in a domain the group verified) may do to
 * the whole account: disable and enable it, delete it, end its sessions and revoke its tokens. For any
 * other account the answer is {@link NotManagedHereException} (404), whether it exists or not, so another
 * group's admin learns nothing of it. Each action lands on the managing group's trail as
 * {@link ManagedAccountChanged}, naming {@code by} (an admin, or the group's SCIM client). Who may call is
 * the handler's permission ({@link Action#MANAGE_ACCOUNTS} on the group).
 */
public interface ManagedAccountActions {

    /** Sign-ins refused from now on (password, token, single sign-on); sessions and tokens end at once. */
    void disable(UUID groupId, UUID accountId, AuditActor by);

    /** Lets the account sign in again; its grants were kept. */
    void enable(UUID groupId, UUID accountId, AuditActor by);

    /** Deletes the account for good, its grants in every group with it. */
    void delete(UUID groupId, UUID accountId, AuditActor by);

    /** Ends every web session of the account; returns how many. */
    int endSessions(UUID groupId, UUID accountId, AuditActor by);

    /** Revokes every API token of the account; returns how many. */
    int revokeTokens(UUID groupId, UUID accountId, AuditActor by);

    /** Whether the group manages the account. */
    boolean manages(UUID groupId, UUID accountId);

    /** 404: the group manages no account of this id (another group's account and no account alike). */
    class NotManagedHereException extends NotVisibleException {

        private static final long serialVersionUID = 1L;

        public NotManagedHereException() {
            super("The group manages no such account.");
        }
    }
}
