package io.selvedge.crypto.internal;

import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.ReEncryption;
import java.security.MessageDigest;

/** Re-encrypts one group's fields under its primary key, verifying each new copy before it is handed back. */
final class FieldReEncryption implements ReEncryption {

    private final KeyOwner owner;
    private final TinkFieldCiphers fields;
    private final FieldCipher cipher;

    FieldReEncryption(KeyOwner owner, TinkFieldCiphers fields) {
        this.owner = owner;
        this.fields = fields;
        this.cipher = fields.of(owner.id());
    }

    @Override
    public boolean isStale(byte[] fieldCiphertext) {
        return fields.isStale(owner, fieldCiphertext);
    }

    @Override
    public byte[] reEncryptField(byte[] ciphertext, String table, String column, String rowId) {
        byte[] plaintext = cipher.decrypt(ciphertext, table, column, rowId);
        byte[] fresh = cipher.encrypt(plaintext, table, column, rowId);
        if (!MessageDigest.isEqual(cipher.decrypt(fresh, table, column, rowId), plaintext) || isStale(fresh)) {
            throw new IllegalStateException("The new copy of " + table + "." + column + " did not verify");
        }
        return fresh;
    }
}
