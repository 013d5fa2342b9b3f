package io.selvedge.crypto.internal;

import io.selvedge.crypto.CiphertextTamperedException;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

/**
 * Field encryption with each owner's AES256_GCM keyset. The associated data is the table, column and
 * row id, each length-prefixed, so no two placements share it.
 */
@Service
@RequiredArgsConstructor
class TinkFieldCiphers implements FieldCiphers {

    private static final int BLIND_INDEX_BYTES = 32;

    private final Keysets keysets;
    private final TamperAlarm alarm;

    @Override
    public FieldCipher of(UUID groupId) {
        return new OwnerFieldCipher(keysets.ownerOf(groupId));
    }

    @Override
    public FieldCipher directory() {
        return new OwnerFieldCipher(KeyOwner.DIRECTORY);
    }

    /** Whether a ciphertext was made under another key than the owner's current primary key. */
    boolean isStale(KeyOwner owner, byte[] ciphertext) {
        // Tink's output prefix: a version byte (1), then the id of the key, big-endian.
        return ciphertext.length < 5
                || ciphertext[0] != 1
                || ByteBuffer.wrap(ciphertext, 1, 4).getInt()
                        != keysets.keysOf(owner).fieldsPrimaryKeyId();
    }

    static byte[] associatedData(String table, String column, String rowId) {
        return lengthPrefixed("selvedge/field", table, column, rowId);
    }

    private static byte[] lengthPrefixed(String... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    final class OwnerFieldCipher implements FieldCipher {

        private final KeyOwner owner;

        OwnerFieldCipher(KeyOwner owner) {
            this.owner = owner;
        }

        @Override
        public byte[] encrypt(byte[] plaintext, String table, String column, String rowId) {
            try {
                return keysets.keysOf(owner).fields().encrypt(plaintext, associatedData(table, column, rowId));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot encrypt " + table + "." + column, e);
            }
        }

        @Override
        public byte[] decrypt(byte[] ciphertext, String table, String column, String rowId) {
            byte[] associatedData = associatedData(table, column, rowId);
            OwnerKeys keys = keysets.keysOf(owner);
            try {
                return keys.fields().decrypt(ciphertext, associatedData);
            } catch (GeneralSecurityException first) {
                // Another node may have rotated the keys since this one cached them: read them again once.
                try {
                    return keysets.reload(owner).fields().decrypt(ciphertext, associatedData);
                } catch (GeneralSecurityException e) {
                    String id = table + "." + column + "#" + rowId;
                    alarm.raise(owner.groupId(), "field", id);
                    throw new CiphertextTamperedException("The stored " + id + " failed authentication", e);
                }
            }
        }

        @Override
        public String encryptText(String plaintext, String table, String column, String rowId) {
            return Base64.getEncoder()
                    .encodeToString(encrypt(plaintext.getBytes(StandardCharsets.UTF_8), table, column, rowId));
        }

        @Override
        public String decryptText(String ciphertext, String table, String column, String rowId) {
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(ciphertext);
            } catch (IllegalArgumentException e) {
                bytes = new byte[0]; // not even Base64: fails authentication below like any altered text
            }
            return new String(decrypt(bytes, table, column, rowId), StandardCharsets.UTF_8);
        }

        @Override
        public byte[] blindIndex(String index, String normalisedValue) {
            try {
                return keysets.keysOf(owner)
                        .index()
                        .computePrimary(
                                lengthPrefixed("selvedge/blind-index", index, normalisedValue), BLIND_INDEX_BYTES);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot compute the blind index " + index, e);
            }
        }

        KeyOwner owner() {
            return owner;
        }
    }
}
