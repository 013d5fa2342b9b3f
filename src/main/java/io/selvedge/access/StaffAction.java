package io.selvedge.access;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * What platform staff may do on the installation itself (never in a customer's group), by staff role: the
 * staff rows of {@code docs/permissions.md}, and the check of the endpoints and pages that do it.
 */
public enum StaffAction {
    MANAGE_BLOCKS(
            "list, add and lift blocks of client addresses and API tokens", "PLATFORM_ADMIN", "SECURITY", "OPERATIONS");

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

    public boolean allows(String role) {
        return roles.contains(role);
    }

    /** Whether the authentication is a staff member's whose role may do this. */
    public boolean allowedTo(@Nullable Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> authority.getAuthority().startsWith("STAFF_")
                                && roles.contains(authority.getAuthority().substring("STAFF_".length())));
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
