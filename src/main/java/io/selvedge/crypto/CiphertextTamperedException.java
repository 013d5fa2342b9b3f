package io.selvedge.crypto;

/** A field ciphertext failed authentication; the read returns nothing. See {@link TamperDetected}. */
public class CiphertextTamperedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CiphertextTamperedException(String message, Throwable cause) {
        super(message, cause);
    }
}
