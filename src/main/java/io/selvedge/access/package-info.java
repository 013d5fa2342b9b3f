/**
 * The permission table, grants and shares, and the one authorization decision point.
 *
 * <p>Public API: {@link io.selvedge.access.PermissionTable} (actions x roles, the single source of checks,
 * docs and tests), {@link io.selvedge.access.Authorization} (the decision point), {@link
 * io.selvedge.access.Grants} (role grants and shares), {@link io.selvedge.access.Requires} (what a handler
 * needs; enforced by this module's interceptor), {@link io.selvedge.access.ResourceLocator} (the SPI
 * through which other modules place their resources in a group's tree), {@link
 * io.selvedge.access.StatedPermissions} (every endpoint with its stated permission), and the events
 * {@link io.selvedge.access.RoleGranted}, {@link io.selvedge.access.RoleRevoked} and {@link
 * io.selvedge.access.AccessDenied}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {"platform", "tenancy", "identity", "storage", "crypto", "notify"})
@org.jspecify.annotations.NullMarked
package io.selvedge.access;
