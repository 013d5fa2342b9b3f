package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import io.selvedge.storage.InvalidBlobKeyException;
import io.selvedge.storage.NoSuchBlobException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalFolderBlobStoreTest extends BlobStoreContract {

    @TempDir
    Path folder;

    @Override
    BlobStore newStore() throws IOException {
        return new LocalFolderBlobStore(folder);
    }

    @Override
    void assertNoUnfinishedUpload(String key) throws IOException {
        assertThat(temporaryFiles()).isEmpty();
    }

    @Test
    void aFileLeftByACrashIsNeverListedOrServedAndIsDeletedAtTheNextStart() throws IOException {
        String key = group + "interrupted";
        BlobUpload upload = blobs.create(key);
        upload.write(new byte[2 * MIB]);
        upload.flush();
        // The process dies here: neither commit nor abort ever runs.

        assertThat(temporaryFiles()).hasSize(1);
        assertThat(blobs.exists(key)).isFalse();
        assertThat(listed("")).isEmpty();
        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(NoSuchBlobException.class);
        String leftover = folder.relativize(temporaryFiles().get(0)).toString();
        assertThatThrownBy(() -> blobs.open(leftover)).isInstanceOf(InvalidBlobKeyException.class);

        BlobStore restarted = newStore();

        assertThat(temporaryFiles()).isEmpty();
        assertThat(restarted.exists(key)).isFalse();
    }

    @Test
    void aCommittedFileIsReadableByItsOwnerOnly() throws IOException {
        blobs.write(group + "private", out -> out.write(1));

        Path file = folder.resolve(group + "private");
        assertThat(Files.getPosixFilePermissions(file))
                .extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
    }

    /**
     * On a Linux disk, blobs are written and read with direct I/O ({@link DirectFileOutput}, {@link
     * DirectReadChannel}), which moves whole aligned blocks: every length around a block's and a buffer's edge
     * comes back exactly, from the start and from any position.
     */
    @Test
    void blobsGoAroundThePageCacheAndKeepTheirExactLength() throws IOException {
        assumeTrue(
                System.getProperty("os.name").startsWith("Linux") && directFileSystems.contains(type(folder)),
                "direct I/O is expected on Linux disks (ext4, xfs, btrfs)");
        int block = AlignedBuffers.ALIGNMENT;
        int buffer = AlignedBuffers.SIZE;
        for (int size : new int[] {0, 1, block - 1, block, block + 1, buffer - 1, buffer, buffer + 1, 3 * buffer + 7}) {
            String key = group + "edge-" + size;
            BlobUpload upload = blobs.create(key);
            assertThat(((LocalFolderUpload) upload).writesDirectly()).isTrue();
            byte[] bytes = pattern(size);
            upload.write(bytes, 0, size / 2);
            upload.flush();
            upload.write(bytes, size / 2, size - size / 2);
            upload.close();
            upload.commit();

            assertThat(Files.size(folder.resolve(key))).isEqualTo(size);
            try (SeekableByteChannel channel = blobs.openChannel(key)) {
                assertThat(channel).isInstanceOf(DirectReadChannel.class);
                assertThat(readAll(channel)).isEqualTo(bytes);
                channel.position(size / 3);
                assertThat(channel.read(ByteBuffer.allocate(0)))
                        .as("nothing asked, nothing read: not the end")
                        .isEqualTo(size / 3 < size ? 0 : -1);
                assertThat(readAll(channel)).isEqualTo(Arrays.copyOfRange(bytes, size / 3, size));
            }
        }
    }

    /** Direct I/O's buffers are bounded; uploads past them go through the page cache, and all arrive whole. */
    @Test
    void moreUploadsAtOnceThanDirectBuffersAllArriveWhole() throws IOException {
        List<BlobUpload> uploads = new ArrayList<>();
        int count = AlignedBuffers.COUNT + 8;
        for (int i = 0; i < count; i++) {
            BlobUpload upload = blobs.create(group + "many-" + i);
            upload.write(pattern(MIB + i));
            uploads.add(upload);
        }
        assertThat(uploads.stream().filter(upload -> !((LocalFolderUpload) upload).writesDirectly()))
                .hasSizeGreaterThanOrEqualTo(8);
        for (BlobUpload upload : uploads) {
            upload.commit();
        }
        for (int i = 0; i < count; i++) {
            try (InputStream in = blobs.open(group + "many-" + i)) {
                assertThat(in.readAllBytes()).isEqualTo(pattern(MIB + i));
            }
        }
        // every buffer came back: a new upload writes directly again where the first one did
        BlobUpload after = blobs.create(group + "after");
        try {
            assertThat(((LocalFolderUpload) after).writesDirectly())
                    .isEqualTo(((LocalFolderUpload) uploads.get(0)).writesDirectly());
        } finally {
            after.abort();
        }
    }

    private static final Set<String> directFileSystems = Set.of("ext4", "xfs", "btrfs");

    private static String type(Path path) throws IOException {
        return Files.getFileStore(path).type();
    }

    private static byte[] readAll(SeekableByteChannel channel) throws IOException {
        return Channels.newInputStream(channel).readAllBytes();
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(path -> path.getFileName().toString().startsWith(LocalFolderBlobStore.UPLOAD_PREFIX))
                    .toList();
        }
    }
}
