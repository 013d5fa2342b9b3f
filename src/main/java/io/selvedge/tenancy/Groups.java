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
     * Creates a group for a customer, on behalf of platform staff: like {@link #create}, but nobody is
     * made its admin (staff hold no role in customer groups); the caller invites the customer's first
     * admin ({@code access.Invitations#inviteFirstAdmin}). Whether the caller is platform staff allowed to
     * do so is the caller's to check.
     */
    Group createForCustomer(String name, String region, UUID staffAccount);

    /**
     * A group by id.
     *
     * @throws NoSuchNodeException if there is no such group
     */
    Group get(UUID groupId);
}
