package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import java.util.UUID;
import java.util.stream.Stream;

/** One group's part of its region's blob store: names are keys relative to {@code groups/<groupId>/}. */
final class GroupBlobStore implements BlobStore {

    private final BlobStore region;
    private final String prefix;

    GroupBlobStore(BlobStore region, UUID groupId) {
        this.region = region;
        this.prefix = BlobKeys.groupPrefix(groupId);
    }

    @Override
    public BlobUpload create(String name) throws IOException {
        return region.create(key(name));
    }

    @Override
    public InputStream open(String name) throws IOException {
        return region.open(key(name));
    }

    @Override
    public SeekableByteChannel openChannel(String name) throws IOException {
        return region.openChannel(key(name));
    }

    @Override
    public long size(String name) throws IOException {
        return region.size(key(name));
    }

    @Override
    public boolean exists(String name) throws IOException {
        return region.exists(key(name));
    }

    @Override
    public boolean delete(String name) throws IOException {
        return region.delete(key(name));
    }

    @Override
    public Stream<String> list(String namePrefix) throws IOException {
        BlobKeys.validatePrefix(namePrefix);
        return region.list(prefix + namePrefix).map(key -> key.substring(prefix.length()));
    }

    @Override
    public void checkWritable() throws IOException {
        region.checkWritable();
    }

    @Override
    public String location() {
        return region.location() + " under " + prefix;
    }

    private String key(String name) {
        return prefix + BlobKeys.validate(name);
    }
}
