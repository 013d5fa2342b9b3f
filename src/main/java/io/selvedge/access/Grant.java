package io.selvedge.access;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A role held by an account on one node of a group's tree (the group itself included: then
 * {@code nodeId} is the group's id). Shares are grants too: {@link Role#EDITOR} or {@link Role#VIEWER} on
 * a workroom or a style, a viewer's with its download and upload flags.
 *
 * @param grantedBy the account that granted it; null when the system did (a group's creator)
 */
public record Grant(
        UUID groupId,
        UUID nodeId,
        UUID accountId,
        Role role,
        boolean allowDownload,
        boolean allowUpload,
        @Nullable UUID grantedBy,
        Instant grantedAt) {

    /** Whether this grant is on the group itself rather than on a node below it. */
    public boolean onGroup() {
        return groupId.equals(nodeId);
    }
}
