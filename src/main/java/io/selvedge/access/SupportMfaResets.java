package io.selvedge.access;

import java.util.UUID;

/**
 * Platform support resets the MFA of an outside collaborator of a group (an account the group does not manage,
 * holding a role on the node of the support request or below it), under an access request of scope
 * {@link AccessScope#SUPPORT_ACTIONS} the group's admins approved. An account a group manages is its own
 * organisation's to reset: this group's admins ({@link MemberMfaResets}), or the group that manages it. On the
 * group's trail and the platform's, with the access request's id ({@link StaffSupportActed}), beside identity's
 * {@code MfaReset}.
 */
public interface SupportMfaResets {

    /**
     * @throws NotVisibleException (404) for staff without an open approved request in the group, or
     *     if the account holds no role on the request's node or below it
     * @throws ActionDeniedException (403) if the open request is of another scope, and for the group's members
     * @throws GrantRefusedException (409) if a group manages the account (this one or another)
     */
    void reset(UUID groupId, UUID accountId);
}
