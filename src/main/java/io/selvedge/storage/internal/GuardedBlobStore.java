package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.ResidencyViolationException;
import io.selvedge.storage.StoreId;
import java.io.IOException;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The blob store a {@link io.selvedge.storage.Store} hands out: every key is checked before the
 * backend sees it. In a region, a key must lie under {@code groups/<groupId>/} of a group resident
 * there; in the global store, no key may lie under {@code groups/}: group content is never global.
 */
final class GuardedBlobStore extends KeyedBlobStore {

    private final StoreId store;
    private final ResidentGroups residents; // null for the global store

    private GuardedBlobStore(BlobStore backend, StoreId store, ResidentGroups residents) {
        super(backend);
        this.store = store;
        this.residents = residents;
    }

    static GuardedBlobStore regional(BlobStore backend, ResidentGroups residents) {
        return new GuardedBlobStore(backend, residents.store(), residents);
    }

    static GuardedBlobStore global(BlobStore backend) {
        return new GuardedBlobStore(backend, StoreId.GLOBAL, null);
    }

    @Override
    public Stream<String> list(String prefix) throws IOException {
        BlobKeys.validatePrefix(prefix);
        if (residents == null) {
            return backend.list(prefix).filter(key -> !key.startsWith(BlobKeys.GROUPS));
        }
        requireResident(prefix);
        return backend.list(prefix);
    }

    @Override
    public String location() {
        return backend.location();
    }

    @Override
    String backendKey(String key) {
        BlobKeys.validate(key);
        if (residents != null) {
            requireResident(key);
        } else if (key.startsWith(BlobKeys.GROUPS)) {
            throw new ResidencyViolationException(
                    "The global store holds no group content: a group's blobs live in its region");
        }
        return key;
    }

    private void requireResident(String keyOrPrefix) {
        UUID group = BlobKeys.groupOf(keyOrPrefix)
                .orElseThrow(() -> new ResidencyViolationException(
                        "The " + store + " store holds only keys under groups/<groupId>/ of the groups living in it"));
        residents.require(group);
    }
}
