package io.selvedge.access;

import java.util.UUID;

/**
 * A group admin's reset of a member's MFA (a lost device), for the API and the admin console alike: only a
 * member of the group is reset, by the current caller, and {@link MemberMfaReset} lands on the group's trail
 * in the same transaction as the reset. Who may call it is the handler's permission
 * ({@code CHANGE_SECURITY_POLICY} on the group).
 */
public interface MemberMfaResets {

    /** @throws NotAMemberException if the account holds no role in the group */
    void reset(UUID groupId, UUID memberId);

    /** 404: the account is not a member of the group (so the group's admin may not reset it). */
    class NotAMemberException extends NotVisibleException {

        private static final long serialVersionUID = 1L;

        public NotAMemberException() {
            super("This account is not a member of the group.");
        }
    }
}
