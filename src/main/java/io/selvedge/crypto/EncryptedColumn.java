package io.selvedge.crypto;

import org.jspecify.annotations.Nullable;

/**
 * An encrypted column, declared once by its {@link EncryptedTable}. A text column stores the Base64 of a
 * field ciphertext bound to the table, this column and the row's id; a binary column the ciphertext itself.
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

    /** The ciphertext to store in a binary column for this row. */
    public byte[] encryptBytes(FieldCipher cipher, byte[] plaintext, Object rowId) {
        return cipher.encrypt(plaintext, table.name(), name, rowId.toString());
    }

    /** The plaintext of what this row stores in a binary column. */
    public byte[] decryptBytes(FieldCipher cipher, byte[] stored, Object rowId) {
        return cipher.decrypt(stored, table.name(), name, rowId.toString());
    }

    @Override
    public String toString() {
        return table.name() + "." + name;
    }
}
