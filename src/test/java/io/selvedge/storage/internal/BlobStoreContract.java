package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.storage.BlobStore;
import io.selvedge.storage.BlobUpload;
import io.selvedge.storage.InvalidBlobKeyException;
import io.selvedge.storage.NoSuchBlobException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every blob store promises (the contract of {@link BlobStore}), run against each provider by a
 * subclass that supplies a fresh, empty store.
 */
abstract class BlobStoreContract {

    static final int MIB = 1024 * 1024;

    BlobStore blobs;
    String group;

    /** A new, empty store; the part size (S3) or buffer is small enough that tests cross it. */
    abstract BlobStore newStore() throws IOException;

    /** Nothing of an unfinished upload of {@code key} is left in the backend (no temp file, no open upload). */
    abstract void assertNoUnfinishedUpload(String key) throws IOException;

    @BeforeEach
    void store() throws IOException {
        blobs = newStore();
        group = "groups/" + UUID.randomUUID() + "/";
    }

    @Test
    void aCommittedBlobReadsBackWithItsSize() throws IOException {
        byte[] bytes = "ciphertext, opaque to the store".getBytes(StandardCharsets.UTF_8);

        blobs.write(group + "versions/v1", out -> out.write(bytes));

        assertThat(blobs.exists(group + "versions/v1")).isTrue();
        assertThat(blobs.size(group + "versions/v1")).isEqualTo(bytes.length);
        try (InputStream in = blobs.open(group + "versions/v1")) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void anEmptyBlobIsABlob() throws IOException {
        blobs.write(group + "empty", out -> {});

        assertThat(blobs.exists(group + "empty")).isTrue();
        assertThat(blobs.size(group + "empty")).isZero();
        try (InputStream in = blobs.open(group + "empty")) {
            assertThat(in.read()).isEqualTo(-1);
        }
    }

    @Test
    void aCommitReplacesTheWholeBlob() throws IOException {
        blobs.write(group + "v", out -> out.write(new byte[3 * MIB]));
        blobs.write(group + "v", out -> out.write("short".getBytes(StandardCharsets.UTF_8)));

        try (InputStream in = blobs.open(group + "v")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("short");
        }
    }

    @Test
    void nothingIsVisibleUntilCommitEvenAfterClose() throws IOException {
        String key = group + "pending";
        BlobUpload upload = blobs.create(key);
        try {
            upload.write(new byte[7 * MIB]); // more than one part
            upload.close(); // as an encrypting stream does when it finishes

            assertThat(blobs.exists(key)).isFalse();
            assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(NoSuchBlobException.class);
            assertThat(listed(group)).isEmpty();

            upload.commit();
        } finally {
            upload.abort();
        }
        assertThat(blobs.size(key)).isEqualTo(7L * MIB);
    }

    @Test
    void anAbortedUploadLeavesNoObject() throws IOException {
        String key = group + "aborted";
        BlobUpload upload = blobs.create(key);
        upload.write(new byte[11 * MIB]); // several parts on their way
        upload.abort();

        assertThat(blobs.exists(key)).isFalse();
        assertThat(listed(group)).isEmpty();
        assertNoUnfinishedUpload(key);
        assertThatThrownBy(upload::commit).isInstanceOf(IOException.class);
    }

    @Test
    void aStreamThatDiesMidWayLeavesNoObject() throws IOException {
        String key = group + "killed";

        assertThatThrownBy(() -> blobs.write(key, out -> {
                    out.write(new byte[9 * MIB]);
                    throw new IOException("the client went away");
                }))
                .hasMessage("the client went away");

        assertThat(blobs.exists(key)).isFalse();
        assertThat(listed(group)).isEmpty();
        assertNoUnfinishedUpload(key);
    }

    @Test
    void aFailedUploadKeepsTheBlobItWouldHaveReplaced() throws IOException {
        String key = group + "kept";
        blobs.write(key, out -> out.write("old".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> blobs.write(key, out -> {
                    out.write(new byte[6 * MIB]);
                    throw new IOException("crash");
                }))
                .isInstanceOf(IOException.class);

        try (InputStream in = blobs.open(key)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("old");
        }
    }

    @Test
    void aChannelReadsAnyRange() throws IOException {
        String key = group + "seekable";
        int size = 3 * MIB + 17;
        blobs.write(key, out -> out.write(pattern(size)));

        try (SeekableByteChannel channel = blobs.openChannel(key)) {
            assertThat(channel.size()).isEqualTo(size);
            assertThat(readAt(channel, 2 * MIB + 5, 1000))
                    .isEqualTo(Arrays.copyOfRange(pattern(size), 2 * MIB + 5, 2 * MIB + 1005));
            assertThat(readAt(channel, 10, 20)).isEqualTo(Arrays.copyOfRange(pattern(size), 10, 30));
            assertThat(readAt(channel, size - 7, 7)).isEqualTo(Arrays.copyOfRange(pattern(size), size - 7, size));
            // reading on from where the last read stopped
            channel.position(100);
            ByteBuffer first = ByteBuffer.allocate(50);
            ByteBuffer second = ByteBuffer.allocateDirect(50);
            fill(channel, first);
            fill(channel, second);
            byte[] secondBytes = new byte[50];
            second.flip().get(secondBytes);
            assertThat(secondBytes).isEqualTo(Arrays.copyOfRange(pattern(size), 150, 200));
            channel.position(size);
            assertThat(channel.read(ByteBuffer.allocate(1))).isEqualTo(-1);
        }
    }

    @Test
    void aMissingBlobIsNoSuchBlob() {
        String key = group + "never-written";

        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(NoSuchBlobException.class);
        assertThatThrownBy(() -> blobs.openChannel(key)).isInstanceOf(NoSuchBlobException.class);
        assertThatThrownBy(() -> blobs.size(key)).isInstanceOf(NoSuchBlobException.class);
    }

    @Test
    void deleteRemovesABlobAndSaysWhetherThereWasOne() throws IOException {
        String key = group + "doomed";
        blobs.write(key, out -> out.write(1));

        assertThat(blobs.delete(key)).isTrue();
        assertThat(blobs.exists(key)).isFalse();
        assertThat(blobs.delete(key)).isFalse();
    }

    @Test
    void listingReturnsTheKeysUnderAPrefixOnly() throws IOException {
        String otherGroup = "groups/" + UUID.randomUUID() + "/";
        blobs.write(group + "a", out -> out.write(1));
        blobs.write(group + "versions/b", out -> out.write(2));
        blobs.write(otherGroup + "c", out -> out.write(3));

        assertThat(listed(group)).containsExactlyInAnyOrder(group + "a", group + "versions/b");
        assertThat(listed(group + "versions/")).containsExactly(group + "versions/b");
        assertThat(listed("groups/" + UUID.randomUUID() + "/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "../escape",
                "groups/../../etc/passwd",
                "/absolute",
                "a/./b",
                "a//b",
                "trailing/",
                "back\\slash",
                "nul\u0000byte",
                "new\nline",
                ".hidden",
                "groups/x/.upload-123.part",
                "spa ce",
                "c:/windows",
                ""
            })
    void unsafeKeysAreRefusedBeforeTheBackendSeesThem(String key) {
        assertThatThrownBy(() -> blobs.create(key)).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> blobs.open(key)).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> blobs.exists(key)).isInstanceOf(InvalidBlobKeyException.class);
        assertThatThrownBy(() -> blobs.delete(key)).isInstanceOf(InvalidBlobKeyException.class);
    }

    @Test
    void theStoreTakesWritesNow() throws IOException {
        blobs.checkWritable();

        assertThat(listed("")).isEmpty(); // the probe is gone and was never a key
    }

    /**
     * 200 MiB and a bit go in and come out through streams: the source generates its bytes, the sink
     * hashes what it reads, and the copy buffers are 64 KiB, so no part of the test holds the object;
     * the stores hold at most a part each by design.
     */
    @Test
    void aLargeBlobStreamsThroughWithoutBeingHeldInMemory() throws IOException {
        String key = group + "large";
        long size = 200L * MIB + 12345;
        GeneratedStream source = new GeneratedStream(size, 42);

        blobs.write(key, out -> copy(source, out));

        assertThat(blobs.size(key)).isEqualTo(size);
        GeneratedStream expected = new GeneratedStream(size, 42);
        byte[] expectedDigest = digestOf(expected);
        try (InputStream in = blobs.open(key)) {
            assertThat(digestOf(in)).isEqualTo(expectedDigest);
        }
        assertThat(source.digest()).isEqualTo(expectedDigest);
    }

    List<String> listed(String prefix) throws IOException {
        try (Stream<String> keys = blobs.list(prefix)) {
            return keys.toList();
        }
    }

    static byte[] pattern(int size) {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + (i >>> 8));
        }
        return bytes;
    }

    private static byte[] readAt(SeekableByteChannel channel, long position, int length) throws IOException {
        channel.position(position);
        ByteBuffer buffer = ByteBuffer.allocate(length);
        fill(channel, buffer);
        return buffer.array();
    }

    private static void fill(SeekableByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("ended early");
            }
        }
    }

    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            out.write(buffer, 0, n);
        }
    }

    private static byte[] digestOf(InputStream in) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            sha.update(buffer, 0, n);
        }
        return sha.digest();
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Deterministic pseudo-random bytes made on the fly, hashing what it hands out. */
    static final class GeneratedStream extends InputStream {

        private final long size;
        private final MessageDigest sha = sha256();
        private long produced;
        private long state;

        GeneratedStream(long size, long seed) {
            this.size = size;
            this.state = seed;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
            if (produced >= size) {
                return -1;
            }
            int n = (int) Math.min(length, size - produced);
            for (int i = 0; i < n; i++) {
                state = state * 6364136223846793005L + 1442695040888963407L;
                bytes[offset + i] = (byte) (state >>> 56);
            }
            sha.update(bytes, offset, n);
            produced += n;
            return n;
        }

        byte[] digest() {
            return sha.digest();
        }
    }
}
