package io.selvedge.storage.internal;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import io.selvedge.storage.InvalidBlobKeyException;
import io.selvedge.storage.NoSuchBlobException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files in one folder, a key's segments as sub-folders. An upload goes to a hidden temporary
 * file beside its target and is renamed over it on commit, so a blob appears whole or not at all; a
 * temporary file left by a crash is never listed or served (no key starts with a dot) and is deleted
 * when the store opens. For one node: several nodes share blobs through S3, not through a folder.
 */
final class LocalFolderBlobStore implements BlobStore {

    static final String UPLOAD_PREFIX = ".upload-";

    private static final Logger log = LoggerFactory.getLogger(LocalFolderBlobStore.class);

    private final Path root;
    /** Whether blobs go around the page cache, where the file system allows it ({@link DirectFileOutput}). */
    private final boolean direct;

    LocalFolderBlobStore(Path root) throws IOException {
        this.root = Files.createDirectories(root).toRealPath();
        this.direct = AlignedBuffers.fit(this.root);
        deleteAbandonedUploads();
    }

    @Override
    public BlobUpload create(String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        return new LocalFolderUpload(target, Files.createTempFile(target.getParent(), UPLOAD_PREFIX, ".part"), direct);
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Channels.newInputStream(openChannel(key));
    }

    /** Read with direct I/O where it can be, as blobs are written ({@link DirectReadChannel}). */
    @Override
    public SeekableByteChannel openChannel(String key) throws IOException {
        Path file = existing(key);
        try {
            DirectReadChannel directly = direct ? DirectReadChannel.open(file) : null;
            if (directly != null) {
                return directly;
            }
            return Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw missing(e, key);
        }
    }

    @Override
    public long size(String key) throws IOException {
        try {
            return Files.size(existing(key));
        } catch (NoSuchFileException e) {
            throw missing(e, key);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key), LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public boolean delete(String key) throws IOException {
        Path file = resolve(key);
        return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.deleteIfExists(file);
    }

    @Override
    public Stream<String> list(String prefix) throws IOException {
        BlobKeys.validatePrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return Stream.empty();
        }
        return Files.walk(start)
                .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                .map(path -> root.relativize(path).toString().replace('\\', '/'))
                .filter(key -> key.startsWith(prefix) && BlobKeys.isKey(key));
    }

    @Override
    public void checkWritable() throws IOException {
        Files.delete(Files.createTempFile(root, ".health-", ".probe"));
    }

    @Override
    public String location() {
        return root.toString();
    }

    private Path existing(String key) throws IOException {
        Path file = resolve(key);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchBlobException(key, location());
        }
        return file;
    }

    /** The file of a key; the key is checked, and the path is checked again to stay inside the root. */
    private Path resolve(String key) {
        Path file = root.resolve(BlobKeys.validate(key)).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new InvalidBlobKeyException("outside the store");
        }
        return file;
    }

    private void deleteAbandonedUploads() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            long deleted = files.filter(path -> path.getFileName().toString().startsWith(UPLOAD_PREFIX))
                    .filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(path -> {
                        try {
                            return Files.deleteIfExists(path) ? 1 : 0;
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
            if (deleted > 0) {
                log.info("Deleted {} unfinished upload(s) left in {} by an earlier run", deleted, root);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Deleted between the check and the opening: the same as never written. */
    private IOException missing(NoSuchFileException e, String key) {
        if (e instanceof NoSuchBlobException) {
            return e;
        }
        NoSuchBlobException missing = new NoSuchBlobException(key, location());
        missing.initCause(e);
        return missing;
    }
}
