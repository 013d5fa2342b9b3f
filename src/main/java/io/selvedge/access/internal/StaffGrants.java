package io.selvedge.access.internal;

import io.selvedge.access.AccessRequest;
import java.util.Optional;
import java.util.UUID;

/** What the decision point reads for staff: the access request open now for them in a group, if any. */
interface StaffGrants {

    /** None: staff see nothing (unit tests that do not involve access requests). */
    StaffGrants NONE = (groupId, accountId) -> Optional.empty();

    /** Read from the store at every call: a revocation or an expiry holds at once, on every node. */
    Optional<AccessRequest> open(UUID groupId, UUID accountId);
}
