package io.selvedge.identity;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Look-ups of accounts for other modules (member lists, invitations to an existing account). */
public interface AccountDirectory {

    Optional<AccountSummary> account(UUID accountId);

    /** The account with this e-mail address (compared case-insensitively, through its blind index). */
    Optional<AccountSummary> accountWithEmail(String email);

    /** The active account with this username (normalised), for mentions; empty for none. */
    Optional<AccountSummary> accountWithUsername(String username);

    /** The accounts of these ids that exist, by id. */
    Map<UUID, AccountSummary> accountSummaries(Collection<UUID> accountIds);

    /**
     * Sets or clears (null or blank) the display name.
     *
     * @throws IllegalArgumentException if the name is not allowed
     */
    void changeDisplayName(UUID accountId, String displayName);
}
