package io.selvedge.tenancy;

import io.selvedge.platform.Refusal;
import java.util.UUID;

/** No group, or no live node of the expected kind, has this id. */
public class NoSuchNodeException extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    public NoSuchNodeException(UUID id) {
        super("There is no such group or node.", "No such node: " + id);
    }
}
