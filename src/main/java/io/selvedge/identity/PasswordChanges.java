package io.selvedge.identity;

import java.util.UUID;

/**
 * Changing one's own password, with the current one (and a one-time code with MFA). Every web session of
 * the account ends, its reset links die, and the owner is told by e-mail. API tokens stay.
 */
public interface PasswordChanges {

    /**
     * @throws PasswordConfirmationFailedException if the current password or the code is wrong
     * @throws TooManyAttemptsException while too many attempts have failed
     * @throws PasswordRejectedException if the new password does not meet the policy
     */
    void change(UUID accountId, String currentPassword, String otp, String newPassword, String clientAddress);
}
