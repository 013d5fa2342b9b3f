package io.selvedge.storage;

import io.selvedge.platform.Refusal;
import java.util.UUID;

/** A group id that the global directory does not know. */
public class UnknownGroupException extends Refusal.NotFound {

    private static final long serialVersionUID = 1L;

    public UnknownGroupException(UUID groupId) {
        super("There is no such group.", "Unknown group: " + groupId);
    }
}
