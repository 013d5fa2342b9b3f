package io.selvedge.crypto;

import java.io.IOException;

/** A file ciphertext failed authentication while streaming; no byte of the failed segment was delivered. */
public class TamperedStreamException extends IOException {

    private static final long serialVersionUID = 1L;

    public TamperedStreamException(String message, Throwable cause) {
        super(message, cause);
    }
}
