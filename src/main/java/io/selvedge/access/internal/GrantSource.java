package io.selvedge.access.internal;

import io.selvedge.access.Grant;
import java.util.Map;
import java.util.UUID;

/** What the decision point reads: a group's grant version, and one account's grants in the group. */
interface GrantSource {

    /** The group's grant version: any change of its grants or of its tree's shape changes it. */
    long version(UUID groupId);

    /** The account's grants in the group, by node id. */
    Map<UUID, Grant> grantsOf(UUID groupId, UUID accountId);
}
