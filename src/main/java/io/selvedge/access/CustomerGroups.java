package io.selvedge.access;

import io.selvedge.access.Invitations.FirstAdminInvitation;
import io.selvedge.tenancy.Group;

/**
 * The first-run path of an installation, for the page and the API alike: a platform admin, who holds no role
 * in customer groups, creates a customer's group with nobody in it and invites its first group admin.
 */
public interface CustomerGroups {

    /**
     * Creates the group and invites its first admin. The name and the address are checked before the group
     * exists, so a bad address never leaves a group without an admin.
     *
     * @throws ActionDeniedException unless the caller is a platform admin
     * @throws IllegalArgumentException for an address that cannot be
     * @throws io.selvedge.platform.Refusal.Invalid for a name that cannot be ({@code InvalidNameException}) or a
     *     region this installation does not have ({@code UnknownRegionException})
     */
    StartedGroup start(String name, String region, String adminEmail);

    /** The new group and the invitation of its first admin, whose link is shown this once. */
    record StartedGroup(Group group, FirstAdminInvitation invited) {}
}
