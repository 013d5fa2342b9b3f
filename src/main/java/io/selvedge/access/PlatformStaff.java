package io.selvedge.access;

import io.selvedge.identity.Caller;

/**
 * The decision for what only platform admins do (start a customer's group, mark a domain verified by hand,
 * read any group's residency report): staff holding the platform admin authority on this request. Staff
 * hold no role in customer groups, so this is decided here, not in the {@link PermissionTable}.
 */
public interface PlatformStaff {

    /** Whether the request carries the platform admin authority. */
    boolean isPlatformAdmin();

    /**
     * The calling platform admin: a staff account with the authority.
     *
     * @param detail shown to anyone else: what only a platform admin does
     * @throws ActionDeniedException (403) with the detail for anyone else, and for no caller
     */
    Caller requirePlatformAdmin(String detail);
}
