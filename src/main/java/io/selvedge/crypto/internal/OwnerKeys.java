package io.selvedge.crypto.internal;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.prf.PrfSet;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Map;

/**
 * An owner's unwrapped keysets and their primitives: held in memory only, never serialised, never
 * printed.
 */
final class OwnerKeys {

    private final KeyOwner owner;
    private final Map<Purpose, KeysetHandle> handles;
    private final Map<Purpose, Long> revisions;
    private final Aead fields;
    private final StreamingAead files;
    private final StreamingAead filesPrimaryOnly;
    private final PrfSet index;
    private final Instant loadedAt;

    OwnerKeys(KeyOwner owner, Map<Purpose, KeysetHandle> handles, Map<Purpose, Long> revisions, Instant loadedAt)
            throws GeneralSecurityException {
        this.owner = owner;
        this.handles = Map.copyOf(handles);
        this.revisions = Map.copyOf(revisions);
        this.fields = handles.get(Purpose.FIELDS).getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.files = handles.get(Purpose.FILES).getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        KeysetHandle.Entry primary = handles.get(Purpose.FILES).getPrimary();
        this.filesPrimaryOnly = KeysetHandle.newBuilder()
                .addEntry(KeysetHandle.importKey(primary.getKey())
                        .withFixedId(primary.getId())
                        .makePrimary())
                .build()
                .getPrimitive(RegistryConfiguration.get(), StreamingAead.class);
        this.index = handles.get(Purpose.INDEX).getPrimitive(RegistryConfiguration.get(), PrfSet.class);
        this.loadedAt = loadedAt;
    }

    KeyOwner owner() {
        return owner;
    }

    KeysetHandle handle(Purpose purpose) {
        return handles.get(purpose);
    }

    long revision(Purpose purpose) {
        return revisions.get(purpose);
    }

    Aead fields() {
        return fields;
    }

    StreamingAead files() {
        return files;
    }

    /** Decrypts only what the current primary file key encrypted: tells fresh files from stale ones. */
    StreamingAead filesPrimaryOnly() {
        return filesPrimaryOnly;
    }

    PrfSet index() {
        return index;
    }

    /** The id of the key that encrypts new fields; Tink puts it in bytes 1-4 of each ciphertext. */
    int fieldsPrimaryKeyId() {
        return handles.get(Purpose.FIELDS).getPrimary().getId();
    }

    Instant loadedAt() {
        return loadedAt;
    }

    @Override
    public String toString() {
        return "OwnerKeys[" + owner + "]";
    }
}
