package io.selvedge.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Passwords an organisation's directory checks (LDAP / Active Directory), implemented by the single sign-on
 * module and asked by the sign-in page and the token endpoint. An address whose domain routes to a directory
 * never has a local password checked: the directory's answer is the only one.
 */
public interface DirectoryPasswords {

    /** Whether the password of this (normalised) e-mail address is the directory's. */
    boolean checksPasswordOf(String email);

    /**
     * Checks the password at the directory, then creates the managed account just in time or updates its name
     * and roles. Never keeps or logs the password.
     *
     * @return the account's id
     * @throws DirectoryPasswordRefusedException when the directory, or the organisation, does not let them in
     */
    UUID signIn(String email, String password);

    /** The connection whose directory checks this (normalised) address's password, if one does. */
    Optional<UUID> connectionOf(String email);
}
