package io.selvedge.identity.internal;

import java.util.UUID;

/** A row of the account table, as sign-in needs it. */
record Account(
        UUID id,
        String username,
        String passwordHash,
        StaffRole staffRole,
        AccountStatus status,
        boolean mfaEnrolled) {}
