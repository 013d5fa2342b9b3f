package io.selvedge.crypto.internal;

import io.selvedge.storage.StoreId;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Whose keysets: a group (in its region's store) or the global directory (in the global store). */
record KeyOwner(UUID id, StoreId store) {

    static final UUID DIRECTORY_ID = new UUID(0L, 0L);
    static final KeyOwner DIRECTORY = new KeyOwner(DIRECTORY_ID, StoreId.GLOBAL);
    static final UUID SIGNER_ID = new UUID(0L, 1L);

    /** The owner of a store's signing keyset (one per store, not a group). */
    static KeyOwner signer(StoreId store) {
        return new KeyOwner(SIGNER_ID, store);
    }

    boolean isDirectory() {
        return DIRECTORY_ID.equals(id);
    }

    /** The group id for events and exceptions; null for the directory. */
    UUID groupId() {
        return isDirectory() ? null : id;
    }

    /** The owner's own key in the KMS: destroying it shreds the owner. */
    String kmsKeyName() {
        if (SIGNER_ID.equals(id)) {
            return "signer";
        }
        return isDirectory() ? "directory" : "group-" + id;
    }

    /** Binds a wrapped keyset to its store, owner and purpose, so a row moved elsewhere fails to unwrap. */
    byte[] associatedData(Purpose purpose) {
        return ("selvedge/keyset/" + store.name() + "/" + id + "/" + purpose.column()).getBytes(StandardCharsets.UTF_8);
    }
}
