package io.selvedge.collab;

import io.selvedge.content.StyleStatus;
import java.util.List;
import java.util.UUID;

/** Approvals of styles: each sets the style's status (who and when) and is kept in its history. */
public interface Approvals {

    Approval record(UUID styleId, StyleStatus status, String note, UUID actor);

    /** A style's history, newest first. */
    List<Approval> history(UUID styleId);
}
