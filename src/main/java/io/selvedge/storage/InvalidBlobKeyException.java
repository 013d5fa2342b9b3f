package io.selvedge.storage;

/** A blob key outside the safe alphabet of {@link BlobStore}: refused before any backend sees it. */
public class InvalidBlobKeyException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public InvalidBlobKeyException(String reason) {
        super("Invalid blob key: " + reason);
    }
}
