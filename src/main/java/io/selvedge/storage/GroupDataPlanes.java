package io.selvedge.storage;

import java.util.UUID;

/**
 * The only way to reach the stores of a group's content: name the group, get its region's database and
 * blob store. The region is looked up once in the global directory; there is no way to pick another.
 */
public interface GroupDataPlanes {

    /**
     * The data plane of the group's region.
     *
     * @throws UnknownGroupException if the group was never registered
     */
    GroupDataPlane of(UUID groupId);
}
