package io.selvedge.crypto;

import java.util.UUID;

/**
 * Field encryption for every column that holds customer content or personal data. A ciphertext is
 * bound to its table, column and row: moved anywhere else it fails to decrypt, as a changed byte does.
 */
public interface FieldCiphers {

    /** The cipher of a group's fields, under the group's keys in its region. */
    FieldCipher of(UUID groupId);

    /** The cipher of the global directory's personal data (accounts), under the global keyset. */
    FieldCipher directory();

    /** Shorthand for {@code of(groupId).blindIndex(index, normalisedValue)}. */
    default byte[] blindIndex(UUID groupId, String index, String normalisedValue) {
        return of(groupId).blindIndex(index, normalisedValue);
    }
}
