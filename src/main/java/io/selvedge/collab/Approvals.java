package io.selvedge.collab;

import io.selvedge.content.StyleStatus;
import java.util.List;
import java.util.UUID;

/**
 * Approvals of styles and of their colorways: each sets the style's (or colorway's) status (who and when)
 * and is kept in its history.
 */
public interface Approvals {

    Approval record(UUID styleId, StyleStatus status, String note, UUID actor);

    /** A style's history, newest first (its colorways' approvals are theirs). */
    List<Approval> history(UUID styleId);

    /**
     * A colorway's approval: sets the colorway's status (who and when) and keeps it in its history.
     *
     * @throws io.selvedge.content.NoSuchContentException if the style has no such colorway
     */
    Approval recordForColorway(UUID styleId, UUID colorwayId, StyleStatus status, String note, UUID actor);

    /** A colorway's history, newest first. */
    List<Approval> colorwayHistory(UUID styleId, UUID colorwayId);
}
