package io.selvedge.access;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role granted to an account by its id ({@code PUT /nodes/{id}/members/{userId}}), with the account's
 * consent where the group has no claim on it: only an account that already holds a role in the group, or
 * that the group manages (its address is in the group's verified domain), is granted at once. Anybody else,
 * an outside collaborator whether another group manages it or nobody does, is sent an invitation to its
 * address (none when it has none) and joins only by accepting it, as a share by e-mail does. An unknown id
 * is answered the same way, so the answer never tells whether the account exists. The rules of {@link
 * Grants} apply.
 */
public interface DirectGrants {

    /** The grant made, or none when an invitation was sent instead (or nobody has the id). */
    Outcome grant(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload);

    /**
     * The same consent for a share by id ({@code POST /workrooms/{id}/shares} with a {@code userId}, the share
     * forms of the pages): made at once through {@link Shares} for an account the group holds or manages,
     * otherwise an invitation to share.
     *
     * @throws GrantRefusedException if the role is not {@link Role#EDITOR} or {@link Role#VIEWER}, or as
     *     {@link Shares#share} refuses
     */
    Outcome share(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload);

    record Outcome(@Nullable Grant grant) {

        public boolean invited() {
            return grant == null;
        }
    }
}
