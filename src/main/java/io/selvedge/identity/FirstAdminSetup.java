package io.selvedge.identity;

/** Creating the installation's first platform admin through the one-time setup link. */
public interface FirstAdminSetup {

    /** True while the link may be used: it exists, is unused, and has not expired. */
    boolean linkIsValid(String token);

    /**
     * Creates the first platform admin and spends the link.
     *
     * @throws SetupLinkInvalidException if the link is unknown, used or expired, or an admin exists
     * @throws PasswordRejectedException if the password does not meet the policy
     * @throws IllegalArgumentException if the username is not allowed
     */
    default void createFirstAdmin(String token, String username, String password) {
        createFirstAdmin(token, username, password, null);
    }

    /**
     * The same, with the admin's e-mail address (may be null or blank: none), for password resets and
     * security notices.
     *
     * @throws IllegalArgumentException also if the address is not allowed
     */
    void createFirstAdmin(String token, String username, String password, String email);
}
