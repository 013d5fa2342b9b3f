package io.selvedge.storage;

import java.nio.file.NoSuchFileException;

/** There is no blob under the key (never written, deleted, or its upload not committed). */
public class NoSuchBlobException extends NoSuchFileException {

    private static final long serialVersionUID = 1L;

    public NoSuchBlobException(String key, String store) {
        super(key, null, "no such blob in " + store);
    }
}
