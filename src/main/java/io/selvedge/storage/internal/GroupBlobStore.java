package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import java.io.IOException;
import java.util.UUID;
import java.util.stream.Stream;

/** One group's part of its region's blob store: names are keys relative to {@code groups/<groupId>/}. */
final class GroupBlobStore extends KeyedBlobStore {

    private final String prefix;

    GroupBlobStore(BlobStore region, UUID groupId) {
        super(region);
        this.prefix = BlobKeys.groupPrefix(groupId);
    }

    @Override
    public Stream<String> list(String namePrefix) throws IOException {
        BlobKeys.validatePrefix(namePrefix);
        return backend.list(prefix + namePrefix).map(key -> key.substring(prefix.length()));
    }

    @Override
    public String location() {
        return backend.location() + " under " + prefix;
    }

    @Override
    String backendKey(String name) {
        return prefix + BlobKeys.validate(name);
    }
}
