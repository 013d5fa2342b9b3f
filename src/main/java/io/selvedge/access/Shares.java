package io.selvedge.access;

import java.util.List;
import java.util.UUID;

/**
 * Shares of a workroom (and, when the content module adds them, of a style): an account made editor or
 * viewer of one node, a viewer's share with its download and upload flags. Checked like every grant against
 * the current caller (the right to share there, nothing stronger than their own). Publishes
 * {@link ShareCreated} and {@link ShareRemoved} (besides the grant's own events).
 */
public interface Shares {

    /**
     * Shares the node with an account, or changes an existing share.
     *
     * @throws GrantRefusedException if the role is not {@link Role#EDITOR} or {@link Role#VIEWER}, or the
     *     node cannot be shared, or the account cannot hold a share
     */
    Grant share(UUID nodeId, UUID accountId, Role role, boolean allowDownload, boolean allowUpload);

    /** The shares on exactly this node (not those above or below it). */
    List<Grant> sharesOn(UUID nodeId);

    /** Removes an account's share of the node; false if it had none. */
    boolean unshare(UUID nodeId, UUID accountId);
}
