package io.selvedge.tenancy;

import java.util.UUID;

/** Customer groups: each chooses its region once, at creation, and keeps all its data there. */
public interface Groups {

    /**
     * Creates a group: registers it in its region, creates its keys and stores it, name encrypted, in
     * the region. Publishes {@link GroupCreated}, the hook through which the creator is made the
     * group's admin.
     *
     * @param creator the account id of who asked for the group
     * @throws io.selvedge.storage.UnknownRegionException if the region is not configured
     * @throws InvalidNameException if the name is not a valid name
     */
    Group create(String name, String region, UUID creator);

    /**
     * A group by id.
     *
     * @throws NoSuchNodeException if there is no such group
     */
    Group get(UUID groupId);
}
