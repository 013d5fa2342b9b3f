package io.selvedge.access;

import java.time.Duration;
import java.util.UUID;

/**
 * Break-glass: emergency access to one group when its customer cannot answer (an outage, a legal hold). A
 * platform admin asks, a second, different platform admin approves; the access ({@link
 * AccessScope#EMERGENCY_READ_ONLY}) lasts at most an hour, the group's admins are mailed at once, a critical
 * alert is raised, and neither admin opens another until one of them wrote the follow-up note. The group's
 * admins may revoke it like any access request.
 */
public interface EmergencyAccess {

    /**
     * @throws ActionDeniedException unless the caller is a platform admin
     * @throws NotVisibleException if there is no such group
     * @throws AccessRequestRefusedException (409) while a break-glass the caller opened or approved wants its
     *     follow-up note; (422) without a reason or ticket, or for more than an hour
     */
    AccessRequest request(UUID groupId, String reason, String ticket, Duration duration);

    /**
     * The second platform admin's approval, which opens the access at once.
     *
     * @throws ActionDeniedException unless the caller is a platform admin other than the requester
     */
    AccessRequest approve(UUID groupId, UUID requestId);

    /** The written follow-up of an opened break-glass, by its requester or its approver. */
    AccessRequest followUp(UUID groupId, UUID requestId, String note);
}
