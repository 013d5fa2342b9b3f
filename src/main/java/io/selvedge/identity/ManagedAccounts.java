package io.selvedge.identity;

import java.util.Optional;
import java.util.UUID;

/**
 * Whole-account actions that only the group managing an account may take (its address is in a domain the
 * group verified), and the accounts that group's directory provisions (SCIM). Who may act on which account
 * is the caller's to check (the access module's); this service only does it. Accounts the directory
 * provisions are made as single sign-on makes them ({@link FederatedSignIns#createAccount}). A disabled account signs in
 * by no means (password, API token, single sign-on): disabling ends its web sessions and revokes its API
 * tokens at once; enabling it again lets it sign in, with the grants it held.
 */
public interface ManagedAccounts {

    /** Whether the account exists and may sign in. */
    boolean active(UUID accountId);

    /**
     * Refuses the account's sign-ins from now on, ends its sessions and revokes its tokens.
     *
     * @return false if it was disabled already (its sessions and tokens are ended all the same)
     * @throws IllegalArgumentException if there is no such account, or it is platform staff
     */
    boolean disable(UUID accountId);

    /** Lets a disabled account sign in again; false if it was active. */
    boolean enable(UUID accountId);

    /** Ends every web session of the account; returns how many. */
    int endSessions(UUID accountId);

    /** Revokes every API token of the account; returns how many. */
    int revokeTokens(UUID accountId);

    /** Deletes the account for good: its credentials, sessions and tokens with it. False if there was none. */
    boolean delete(UUID accountId);

    /** Changes the address of an account (the directory renamed the person). */
    void changeEmail(UUID accountId, String email);

    /** The account's id with this address, whatever its state. */
    Optional<UUID> accountWithEmail(String email);
}
