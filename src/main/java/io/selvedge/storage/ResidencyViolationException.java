package io.selvedge.storage;

import java.util.UUID;

/**
 * A store was asked to hold or serve data of a group that does not live in its region. Always a bug
 * in the caller: the request is refused and nothing is written.
 */
public class ResidencyViolationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ResidencyViolationException(StoreId store, UUID groupId) {
        super("The " + store + " store does not hold group " + groupId + ": the group lives in another region");
    }

    public ResidencyViolationException(String message) {
        super(message);
    }
}
