package io.selvedge.tenancy;

import java.util.UUID;

/**
 * A group was created. The access module grants its creator the group-admin role on it, in the same
 * transaction.
 *
 * @param creator the account id of the account that created the group
 */
public record GroupCreated(UUID groupId, String region, UUID creator) {}
