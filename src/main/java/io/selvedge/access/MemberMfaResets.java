package io.selvedge.access;

import java.util.UUID;

/**
 * A group admin's reset of a member's MFA (a lost device), for the API and the admin console alike: only an
 * account the group manages (its address in a domain the group verified) is reset, by the current caller;
 * an outside collaborator keeps its own MFA (platform support resets it through an audited staff action), and {@link MemberMfaReset} lands on the group's trail
 * in the same transaction as the reset. Who may call it is the handler's permission
 * ({@code CHANGE_SECURITY_POLICY} on the group).
 */
public interface MemberMfaResets {

    /**
     * @throws NotAMemberException if the account holds no role in the group and the group does not manage it
     * @throws NotManagedException if the account is a member but the group does not manage it
     */
    void reset(UUID groupId, UUID memberId);

    /** 403: the account is an outside collaborator of the group, whose MFA only its managing group resets. */
    class NotManagedException extends ActionDeniedException {

        private static final long serialVersionUID = 1L;

        public NotManagedException() {
            super("The group does not manage this account (its e-mail domain is not one the group verified):"
                    + " only its own organisation, or platform support, resets its MFA.");
        }
    }

    /** 404: the account is not a member of the group (so the group's admin may not reset it). */
    class NotAMemberException extends NotVisibleException {

        private static final long serialVersionUID = 1L;

        public NotAMemberException() {
            super("This account is not a member of the group.");
        }
    }
}
