package io.selvedge.content;

import java.util.UUID;

/** How much of its storage quota a group's file versions take, for the admin console's usage page. */
public interface GroupUsage {

    /**
     * What the group's versions take and may take.
     *
     * @param usedBytes the sizes of every version of the group, added up (plaintext sizes)
     * @param quotaBytes the most they may take together ({@code selvedge.content.group-quota})
     */
    record Usage(long usedBytes, long quotaBytes) {}

    Usage of(UUID groupId);
}
