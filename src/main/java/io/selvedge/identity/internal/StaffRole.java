package io.selvedge.identity.internal;

/** The roles of the people who run an installation; they hold no role in any customer's group. */
enum StaffRole {
    PLATFORM_ADMIN,
    SUPPORT,
    SECURITY,
    OPERATIONS
}
