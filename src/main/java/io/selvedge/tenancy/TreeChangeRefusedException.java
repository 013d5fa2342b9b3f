package io.selvedge.tenancy;

import io.selvedge.platform.Refusal;

/**
 * A change of the tree that is refused: a move other than those allowed, restoring what is not deleted
 * or whose parent is. The message says why, and may be shown to the caller.
 */
public class TreeChangeRefusedException extends Refusal.Conflict {

    private static final long serialVersionUID = 1L;

    public TreeChangeRefusedException(String message) {
        super(message);
    }
}
