package io.selvedge.storage;

import io.selvedge.platform.Refusal;

/** A region name that this installation does not have: 400, without echoing the name to the caller. */
public class UnknownRegionException extends Refusal.Invalid {

    private static final long serialVersionUID = 1L;

    public UnknownRegionException(String region) {
        super("There is no such region.", "Unknown region: " + region);
    }
}
