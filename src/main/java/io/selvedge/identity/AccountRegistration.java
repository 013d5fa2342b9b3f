package io.selvedge.identity;

import java.util.UUID;

/**
 * Creates customer accounts, for the modules that bring people in (invitations). The caller has proven
 * that the person reads {@code email} (the invitation was mailed there). Publishes {@link AccountRegistered}.
 */
public interface AccountRegistration {

    /**
     * A new active customer account, without MFA; returns its id.
     *
     * @param displayName may be null
     * @param email may be null (an account without an address cannot reset its password)
     * @throws PasswordRejectedException if the password does not meet the {@link PasswordPolicy}
     * @throws IllegalArgumentException if the username, e-mail address or display name is not allowed
     * @throws AccountExistsException if the username or the e-mail address is taken
     */
    UUID register(String username, String password, String displayName, String email);
}
