package io.selvedge.storage;

import java.util.UUID;

/** A group id that the global directory does not know. */
public class UnknownGroupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownGroupException(UUID groupId) {
        super("Unknown group: " + groupId);
    }
}
