package io.selvedge.storage;

/** A region name that this installation does not have. */
public class UnknownRegionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownRegionException(String region) {
        super("Unknown region: " + region);
    }
}
