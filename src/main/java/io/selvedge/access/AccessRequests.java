package io.selvedge.access;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff access to a customer's group on the customer's terms (Customer Lockbox). A support or security staff
 * member asks; the group's admins, and nobody else, approve, deny or revoke; an approved request is what
 * {@link Authorization} grants staff, read from the store at every request (a revocation holds at once on
 * every node). Every change is on the group's trail and the platform's.
 */
public interface AccessRequests {

    /**
     * A request by the current caller.
     *
     * @param nodeId the node of the scope (the group itself for {@link AccessScope#ADMIN_CONSOLE_READ_ONLY})
     * @throws ActionDeniedException unless the caller is staff whose role allows {@link StaffAction#REQUEST_GROUP_ACCESS}
     * @throws NotVisibleException if there is no such group, or the node is not in it
     * @throws AccessRequestRefusedException for a missing reason or ticket, or a duration out of range
     */
    AccessRequest request(
            UUID groupId, AccessScope scope, UUID nodeId, String reason, String ticket, Duration duration);

    /** The current staff caller's own requests, newest first, in every region. */
    List<AccessRequest> mine();

    /** The current staff caller's requests open now (for the banner on their pages). */
    List<AccessRequest> openForCaller();

    /** A group's requests, newest first; for its admins ({@link Action#DECIDE_ACCESS_REQUESTS}). */
    List<AccessRequest> ofGroup(UUID groupId);

    /** One request of the group; for its admins, or the staff member who made it. */
    AccessRequest get(UUID groupId, UUID requestId);

    /** @throws AccessRequestRefusedException (409) unless the request is pending */
    AccessRequest approve(UUID groupId, UUID requestId);

    /** @throws AccessRequestRefusedException (409) unless the request is pending */
    AccessRequest deny(UUID groupId, UUID requestId);

    /** Ends an approved request at once. @throws AccessRequestRefusedException (409) unless it is open */
    AccessRequest revoke(UUID groupId, UUID requestId);

    /**
     * Every staff account's access requests, for the staff access review: how many each made and the latest,
     * in every region, by requester. Only for staff allowed {@link StaffAction#REVIEW_STAFF_ACCESS}.
     *
     * @throws ActionDeniedException for anyone else
     */
    Map<UUID, RequesterSummary> byRequester();

    /** A staff account's access requests in the review: how many, and the newest. */
    record RequesterSummary(long count, AccessRequest latest) {}

    /** The request open now for a staff account in a group, read from the store (never cached). */
    Optional<AccessRequest> open(UUID groupId, UUID accountId);
}
