package io.selvedge.crypto;

/** What a {@link ReEncryptable} gets from the job to rewrite one group's ciphertexts. */
public interface ReEncryption {

    /** Whether a field ciphertext was made under an older key than the group's current primary key. */
    boolean isStale(byte[] fieldCiphertext);

    /**
     * The ciphertext of the same plaintext under the primary key, verified: it is decrypted again and
     * compared before it is returned, so a swap never stores a copy that would not read back.
     *
     * @throws CiphertextTamperedException if the old ciphertext fails authentication
     */
    byte[] reEncryptField(byte[] ciphertext, String table, String column, String rowId);
}
