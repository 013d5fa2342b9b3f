package io.selvedge.identity.internal;

import io.selvedge.identity.StaffProperties;
import org.springframework.stereotype.Component;

/**
 * {@code selvedge.staff.passkey-required}: platform staff sign in with a passkey. A staff account that has one
 * is refused its password at the sign-in page and at the token endpoint; one that has none yet may use its
 * password (and code) only to reach the page where it registers one, and makes no API token with it.
 */
@Component
class StaffPasskeys {

    static final String REASON = "passkey-required";

    private final boolean required;
    private final PasskeyRows passkeys;

    StaffPasskeys(StaffProperties properties, PasskeyRows passkeys) {
        this.required = properties.passkeyRequired();
        this.passkeys = passkeys;
    }

    /** Whether the account is staff that must sign in with a passkey. */
    boolean required(Account account) {
        return required && account.staffRole() != null;
    }

    /** Whether the password sign-in page must refuse the account: staff that has a passkey to use instead. */
    boolean refusesPassword(Account account) {
        return required(account) && passkeys.countOf(account.username()) > 0;
    }
}
