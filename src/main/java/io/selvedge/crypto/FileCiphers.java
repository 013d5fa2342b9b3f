package io.selvedge.crypto;

import java.util.UUID;

/** Stream encryption of files, under each group's file keys (Tink streaming AEAD, 1 MiB segments). */
public interface FileCiphers {

    /** The file cipher of a group, under the group's keys in its region. */
    FileCipher of(UUID groupId);
}
