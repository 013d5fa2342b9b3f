package io.selvedge.crypto;

import org.jspecify.annotations.Nullable;

/**
 * An encrypted text column, declared once by its {@link EncryptedTable}. The stored value is the Base64
 * of a field ciphertext bound to the table, this column and the row's id.
 */
public record EncryptedColumn(EncryptedTable table, String name) {

    /** The ciphertext to store for this row; null stays null. */
    public @Nullable String encrypt(FieldCipher cipher, @Nullable String plaintext, Object rowId) {
        return plaintext == null ? null : cipher.encryptText(plaintext, table.name(), name, rowId.toString());
    }

    /** The plaintext of what this row stores; null stays null. */
    public @Nullable String decrypt(FieldCipher cipher, @Nullable String stored, Object rowId) {
        return stored == null ? null : cipher.decryptText(stored, table.name(), name, rowId.toString());
    }

    @Override
    public String toString() {
        return table.name() + "." + name;
    }
}
