package io.selvedge.identity;

import java.util.UUID;

/**
 * Where an account stands with MFA, for its settings page: whether TOTP is on, how many passkeys and unused
 * recovery codes it has, and whether it must use MFA.
 */
public record MfaStatus(UUID accountId, boolean totp, int passkeys, int recoveryCodesLeft, boolean required) {

    public boolean enrolled() {
        return totp || passkeys > 0;
    }

    public boolean mustEnrol() {
        return required && !enrolled();
    }
}
