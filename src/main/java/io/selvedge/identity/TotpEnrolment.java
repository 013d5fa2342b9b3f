package io.selvedge.identity;

import java.util.List;
import java.util.UUID;

/**
 * An account's TOTP second factor: started (a pending secret), confirmed with a first code (the account
 * is then enrolled and gets ten single-use recovery codes), removed with a fresh code. Each code works
 * once; failed codes are throttled like failed sign-ins.
 */
public interface TotpEnrolment {

    /**
     * A new pending secret, replacing any earlier pending one.
     *
     * @throws io.selvedge.platform.Refusal.Conflict if the account is enrolled already
     */
    PendingTotp start(UUID accountId);

    /**
     * Confirms the pending secret with a code from the app, and returns the recovery codes, shown only here.
     *
     * @throws OneTimeCodeRejectedException for a wrong or used code
     * @throws SignInThrottledException while too many codes have failed
     * @throws io.selvedge.platform.Refusal.Conflict if no enrolment is pending
     */
    List<String> confirm(UUID accountId, String otp, String clientAddress);

    /**
     * Removes TOTP and the recovery codes, given a fresh code from the app.
     *
     * @throws OneTimeCodeRejectedException for a wrong or used code
     * @throws SignInThrottledException while too many codes have failed
     * @throws io.selvedge.platform.Refusal.Conflict if the account is not enrolled
     */
    void remove(UUID accountId, String otp, String clientAddress);

    /** The secret to type into an authenticator app, and the same as an {@code otpauth://} URI for a QR code. */
    record PendingTotp(String secret, String otpauthUri) {

        @Override
        public String toString() {
            return "PendingTotp[(hidden)]";
        }
    }
}
