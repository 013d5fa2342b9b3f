package io.selvedge.identity;

/**
 * Password reset by e-mail. A request never tells whether the account exists: it is counted (throttled
 * per address and per account like sign-in), and only if the account exists and has an address is a
 * single-use link, valid for an hour, mailed to it. Following the link sets a new password, ends every
 * web session of the account, kills its other reset links and tells the owner by e-mail. API tokens stay.
 */
public interface PasswordResets {

    /**
     * Asks for a reset link for the account with this username or e-mail address.
     *
     * @throws TooManyAttemptsException while too many requests came for the account or from the address
     */
    void request(String usernameOrEmail, String clientAddress);

    /** True while the link's secret may be used. */
    boolean linkIsValid(String token);

    /**
     * Sets the new password and spends the link.
     *
     * @throws AccountLinkInvalidException if the link is unknown, used or expired
     * @throws PasswordRejectedException if the password does not meet the policy
     */
    void reset(String token, String newPassword);
}
