package io.selvedge.identity;

import io.selvedge.platform.AuditActor;
import java.util.UUID;

/**
 * An admin's reset of an account's MFA, for a member who lost their device: removes TOTP, the recovery codes
 * and every passkey, ends the account's web sessions and revokes its API tokens, and publishes
 * {@link MfaReset}. If MFA is required for the account, it must enrol again at its next sign-in. Who may
 * reset whom is the caller's to check (the access module's permission).
 */
public interface MfaResets {

    /**
     * @param by who resets it (the admin or staff member), the actor on the trail
     * @throws IllegalArgumentException if there is no such account
     */
    void reset(UUID accountId, AuditActor by);
}
