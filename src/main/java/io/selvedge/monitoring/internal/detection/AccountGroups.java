package io.selvedge.monitoring.internal.detection;

import java.util.Set;
import java.util.UUID;

/** The groups whose admins must hear of an account under attack: its managing group, else its groups. */
@FunctionalInterface
interface AccountGroups {

    Set<UUID> concerning(UUID accountId);
}
