package io.selvedge.access;

import io.selvedge.identity.Caller;
import java.util.Optional;

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

    /** The calling staff member, if their role allows the action ({@link StaffAction#allowedTo}). */
    Optional<Caller> allowedTo(StaffAction action);

    /**
     * The calling staff member whose role allows the action.
     *
     * @throws ActionDeniedException (403) for anyone else, and for no caller
     */
    default Caller require(StaffAction action) {
        return allowedTo(action)
                .orElseThrow(() -> new ActionDeniedException(
                        "Only platform staff whose role allows it may " + action.description() + "."));
    }
}
