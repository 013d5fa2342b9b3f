package io.selvedge.access;

import io.selvedge.identity.Caller;
import io.selvedge.identity.Callers;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * What platform staff may do on the installation itself (never in a customer's group), by staff role: the
 * staff rows of {@code docs/permissions.md}, and the check of the endpoints and pages that do it.
 */
public enum StaffAction {
    CREATE_GROUPS("start a customer's group (its name, region and first admin's invitation)", "PLATFORM_ADMIN"),
    READ_ANY_RESIDENCY_REPORT(
            "read any group's data residency report (where its data is kept: ids and counts, no content)",
            "PLATFORM_ADMIN"),
    RESET_UNMANAGED_MFA(
            "reset the MFA of an account no group manages (on the platform trail)", "PLATFORM_ADMIN", "SUPPORT"),
    MANAGE_BLOCKS(
            "list, add and lift blocks of client addresses and API tokens", "PLATFORM_ADMIN", "SECURITY", "OPERATIONS"),
    // Support reads the incidents to answer customers, but only the teams that act on them change them.
    SEE_ALERTS(
            "see the installation's alerts and their timelines (incidents page, API)",
            "PLATFORM_ADMIN",
            "SUPPORT",
            "SECURITY",
            "OPERATIONS"),
    MANAGE_ALERTS("acknowledge and resolve alerts", "PLATFORM_ADMIN", "SECURITY", "OPERATIONS"),
    MANAGE_ALERT_ROUTING(
            "see and change where alerts are sent: the installation's teams, their channels and the routing rules",
            "PLATFORM_ADMIN",
            "SECURITY",
            "OPERATIONS"),
    // Key rotation and the platform trail are the operator's, on the server, never a signed-in staff member's.
    ROTATE_KEYS("rotate keys: no staff role in the application; operators run the `keys` command on the server"),
    READ_PLATFORM_TRAIL(
            "read and verify the platform trail: no staff role in the application; operators run `audit verify` on"
                    + " the server"),
    REVIEW_STAFF_ACCESS(
            "review staff access: every staff account with its role, last sign-in and access requests; confirm it,"
                    + " remove its staff role or disable it; export the review (on the platform trail)",
            "PLATFORM_ADMIN"),
    REQUEST_GROUP_ACCESS(
            "ask a group's admins for access to one group (an access request: scope, reason, ticket, at most 8 hours)",
            "SUPPORT",
            "SECURITY"),
    OPEN_BREAK_GLASS(
            "break-glass: open emergency read-only access to one group, for at most an hour, with a second platform"
                    + " admin's approval; the group's admins are mailed, a critical alert is raised, and a follow-up"
                    + " note is due before either opens another",
            "PLATFORM_ADMIN"),
    READ_GROUP_DATA(
            "see or act in a customer's group (its content, members, trail, admin console): never standing; only"
                    + " within the scope of an access request the group's admins approved, until it expires or is"
                    + " revoked (‡); without one, every group resource answers 404",
            "SUPPORT",
            "SECURITY");

    /** The staff roles, as the authorities {@code STAFF_<role>} name them. */
    public static final List<String> ROLES = List.of("PLATFORM_ADMIN", "SUPPORT", "SECURITY", "OPERATIONS");

    private final String description;
    private final List<String> roles;

    StaffAction(String description, String... roles) {
        this.description = description;
        this.roles = Arrays.asList(roles);
    }

    public String description() {
        return description;
    }

    /** Whether the role may do this standing, without an access request. */
    public boolean allows(String role) {
        return this != READ_GROUP_DATA && roles.contains(role);
    }

    /** The documentation's cell: ✓ standing, ‡ only with an approved access request, empty never. */
    public String mark(String role) {
        if (!roles.contains(role)) {
            return "";
        }
        return this == READ_GROUP_DATA ? "‡" : "✓";
    }

    /** Whether the authentication is a staff member's whose role may do this. */
    public boolean allowedTo(@Nullable Authentication authentication) {
        return this != READ_GROUP_DATA
                && authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().startsWith("STAFF_")
                                && roles.contains(authority.getAuthority().substring("STAFF_".length())));
    }

    /** The authentication's account, if it is a staff member's whose role may do this; empty for anyone else. */
    public Optional<Caller> staffCaller(Callers callers, @Nullable Authentication authentication) {
        return callers.of(authentication).filter(Caller::staff).filter(staff -> allowedTo(authentication));
    }

    /**
     * The authentication's account, a staff member's whose role may do this.
     *
     * @throws ActionDeniedException for anyone else
     */
    public Caller requireStaff(Callers callers, @Nullable Authentication authentication) {
        Caller caller = callers.of(authentication).filter(Caller::staff).orElseThrow(ActionDeniedException::new);
        require(authentication);
        return caller;
    }

    /**
     * @throws ActionDeniedException unless {@link #allowedTo} the authentication
     */
    public void require(@Nullable Authentication authentication) {
        if (!allowedTo(authentication)) {
            throw new ActionDeniedException("Only platform staff whose role allows it may " + description + ".");
        }
    }
}
