package io.selvedge.tenancy;

import java.util.UUID;

/** No group, or no live node of the expected kind, has this id. */
public class NoSuchNodeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchNodeException(UUID id) {
        super("No such node: " + id);
    }
}
