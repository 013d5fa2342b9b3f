package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.SeekableByteChannel;
import lombok.RequiredArgsConstructor;

/** A blob store in front of another that turns each key it is given into the backend's key first. */
@RequiredArgsConstructor
abstract class KeyedBlobStore implements BlobStore {

    final BlobStore backend;

    /** The backend's key for the key given, or an exception if that key may not be used here. */
    abstract String backendKey(String key);

    @Override
    public BlobUpload create(String key) throws IOException {
        return backend.create(backendKey(key));
    }

    @Override
    public InputStream open(String key) throws IOException {
        return backend.open(backendKey(key));
    }

    @Override
    public SeekableByteChannel openChannel(String key) throws IOException {
        return backend.openChannel(backendKey(key));
    }

    @Override
    public long size(String key) throws IOException {
        return backend.size(backendKey(key));
    }

    @Override
    public boolean exists(String key) throws IOException {
        return backend.exists(backendKey(key));
    }

    @Override
    public boolean delete(String key) throws IOException {
        return backend.delete(backendKey(key));
    }

    @Override
    public void checkWritable() throws IOException {
        backend.checkWritable();
    }
}
