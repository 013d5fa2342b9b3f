package io.selvedge.storage;

import java.util.UUID;

/**
 * Where each group's data lives. A group's region is chosen once, when the group is registered, and is
 * kept in the global directory; every store of group content is reached through it, so code cannot
 * pick another region for a group's data.
 */
public interface GroupResidency {

    /**
     * Records the region of a new group.
     *
     * @throws UnknownRegionException if the region is not configured
     * @throws IllegalStateException if the group is registered already (a region is never changed)
     */
    void register(UUID groupId, String region);

    /**
     * The region a group lives in.
     *
     * @throws UnknownGroupException if the group was never registered
     */
    String regionOf(UUID groupId);

    /** The store of the group's region. */
    Store storeOf(UUID groupId);
}
