package io.selvedge.crypto;

/**
 * Encrypts and decrypts the fields of one key owner (a group, or the global directory). Thread-safe;
 * cheap to obtain, so callers need not keep it.
 *
 * <p>Tamper evidence: a decryption that fails (a changed, truncated or moved ciphertext) publishes
 * {@link TamperDetected} and throws {@link CiphertextTamperedException}; it never returns altered data.
 */
public interface FieldCipher {

    /** The ciphertext of {@code plaintext} stored in {@code table.column} of the row {@code rowId}. */
    byte[] encrypt(byte[] plaintext, String table, String column, String rowId);

    /**
     * The plaintext of a ciphertext made by {@link #encrypt} for the same table, column and row.
     *
     * @throws CiphertextTamperedException if the ciphertext was altered or belongs elsewhere
     * @throws KeysDestroyedException if the owner's keys were destroyed
     */
    byte[] decrypt(byte[] ciphertext, String table, String column, String rowId);

    /** {@link #encrypt} of the UTF-8 text, as Base64 text for a text column. */
    String encryptText(String plaintext, String table, String column, String rowId);

    /** {@link #decrypt} of Base64 text made by {@link #encryptText}. */
    String decryptText(String ciphertext, String table, String column, String rowId);

    /**
     * A blind index for exact-match look-ups: a keyed hash (HMAC-SHA256 PRF, 32 bytes) of the value, so
     * equal values match without the database learning them. Normalise first (trim, lower-case an
     * e-mail address...); {@code index} names the look-up, e.g. {@code account.email}, so two indexes
     * of the same value differ.
     */
    byte[] blindIndex(String index, String normalisedValue);
}
