package io.selvedge.access;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role granted to an account by its id ({@code PUT /nodes/{id}/members/{userId}}), with the account's
 * consent where the group has no claim on it: an account another group manages (its address is in that
 * group's verified domain) that holds nothing in this group yet is sent an invitation instead, and joins
 * only by accepting it, as a share by e-mail does. An unknown id is answered the same way, so the answer
 * never tells whether the account exists. The rules of {@link Grants} apply.
 */
public interface DirectGrants {

    /** The grant made, or none when an invitation was sent instead (or nobody has the id). */
    Outcome grant(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload);

    record Outcome(@Nullable Grant grant) {

        public boolean invited() {
            return grant == null;
        }
    }
}
