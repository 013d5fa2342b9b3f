package io.selvedge.identity;

import java.util.UUID;

/**
 * Changing an account's e-mail address: asked with the password (and a one-time code with MFA), it takes
 * effect only when the single-use link mailed to the NEW address (valid for an hour) is followed; the old
 * address is then told. Publishes {@link EmailChanged}.
 */
public interface EmailChanges {

    /**
     * Mails a confirmation link to the new address. If the address belongs to another account, that
     * address is told instead, and nothing else happens (the answer does not say which).
     *
     * @throws IllegalArgumentException if the address is not allowed
     * @throws PasswordConfirmationFailedException if the password or the code is wrong
     * @throws TooManyAttemptsException while too many attempts have failed
     */
    void request(UUID accountId, String newEmail, String password, String otp, String clientAddress);

    boolean linkIsValid(String token);

    /**
     * Makes the new address the account's and tells the old one.
     *
     * @throws AccountLinkInvalidException if the link is unknown, used or expired
     * @throws AccountExistsException if another account took the address meanwhile
     */
    void confirm(String token);
}
