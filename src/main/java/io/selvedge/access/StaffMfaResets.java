package io.selvedge.access;

import java.util.UUID;

/**
 * Platform support's reset of the MFA of an account no group manages (its owner lost every factor and has
 * no organisation to ask): every second factor removed, sessions and tokens ended, on the platform trail
 * with the staff member as actor (identity's {@code MfaReset}). An account a group manages is its group's
 * admins' to reset, never staff's.
 */
public interface StaffMfaResets {

    /**
     * @throws ActionDeniedException if the current caller is not platform support or a platform admin
     * @throws NotVisibleException if there is no such customer account
     * @throws GrantRefusedException (409) if a group manages the account
     */
    void reset(UUID accountId);
}
