package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.crypto.FileCipher;
import io.selvedge.crypto.FileCiphers;
import io.selvedge.crypto.GroupKeys;
import io.selvedge.crypto.TamperDetected;
import io.selvedge.crypto.TamperedStreamException;
import io.selvedge.storage.GroupResidency;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.util.Arrays;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SelvedgeIntegrationTest
@Import(CryptoTestConfiguration.class)
@RecordApplicationEvents
class FileCiphersIT {

    /** Tink's AES256_GCM_HKDF_1MB: 1 MiB ciphertext segments, the header inside the first one. */
    static final int SEGMENT = 1 << 20;

    @Autowired
    GroupKeys groupKeys;

    @Autowired
    GroupResidency residency;

    @Autowired
    FileCiphers files;

    @Autowired
    ApplicationEvents events;

    @Test
    void aFileStreamsBackAsItWasWritten() throws IOException {
        FileCipher cipher = files.of(aGroup());
        byte[] garment = aFileOf(3 * SEGMENT + SEGMENT / 2);

        byte[] stored = encrypt(cipher, garment, "version-1");

        assertThat(stored.length).isGreaterThan(garment.length);
        assertThat(readAll(cipher.decrypting(new ByteArrayInputStream(stored), "version-1")))
                .isEqualTo(garment);
    }

    @Test
    void aRangeIsReadThroughTheSeekableChannel() throws IOException {
        FileCipher cipher = files.of(aGroup());
        byte[] garment = aFileOf(2 * SEGMENT + 1234);
        byte[] stored = encrypt(cipher, garment, "version-2");

        try (SeekableByteChannel plaintext = cipher.decrypting(new InMemoryChannel(stored), "version-2")) {
            assertThat(plaintext.size()).isEqualTo(garment.length);
            ByteBuffer range = ByteBuffer.allocate(4096);
            plaintext.position(SEGMENT - 100);
            while (range.hasRemaining() && plaintext.read(range) > 0) {}
            assertThat(range.array()).isEqualTo(Arrays.copyOfRange(garment, SEGMENT - 100, SEGMENT - 100 + 4096));
        }
    }

    @Test
    void aChangedByteFailsItsSegmentAndRaisesTheAlarm() throws IOException {
        UUID group = aGroup();
        FileCipher cipher = files.of(group);
        byte[] garment = aFileOf(3 * SEGMENT);
        byte[] stored = encrypt(cipher, garment, "file-changed");
        stored[SEGMENT + 10] ^= 0x01; // in the second segment

        InputStream plaintext = cipher.decrypting(new ByteArrayInputStream(stored), "file-changed");
        ByteArrayOutputStream delivered = new ByteArrayOutputStream();
        assertThatThrownBy(() -> plaintext.transferTo(delivered)).isInstanceOf(TamperedStreamException.class);

        assertThat(delivered.size()).isLessThanOrEqualTo(SEGMENT); // nothing of the altered segment
        assertThat(delivered.toByteArray()).isEqualTo(Arrays.copyOf(garment, delivered.size()));
        assertThat(events.stream(TamperDetected.class)).contains(new TamperDetected(group, "file", "file-changed"));
    }

    @Test
    void aTruncationAtASegmentBoundaryIsDetected() throws IOException {
        FileCipher cipher = files.of(aGroup());
        byte[] stored = encrypt(cipher, aFileOf(3 * SEGMENT + 500), "file-truncated");
        byte[] cut = Arrays.copyOf(stored, 2 * SEGMENT);

        assertThatThrownBy(() -> readAll(cipher.decrypting(new ByteArrayInputStream(cut), "file-truncated")))
                .isInstanceOf(TamperedStreamException.class);
        assertThatThrownBy(() -> readAll(cipher.decrypting(new InMemoryChannel(cut), "file-truncated")))
                .isInstanceOf(TamperedStreamException.class);
        byte[] cutMidSegment = Arrays.copyOf(stored, 2 * SEGMENT + 77);
        assertThatThrownBy(() -> readAll(cipher.decrypting(new ByteArrayInputStream(cutMidSegment), "file-truncated")))
                .isInstanceOf(TamperedStreamException.class);
    }

    @Test
    void reorderedSegmentsOrAnotherFilesCiphertextFail() throws IOException {
        FileCipher cipher = files.of(aGroup());
        byte[] stored = encrypt(cipher, aFileOf(4 * SEGMENT), "file-a");
        byte[] reordered = stored.clone();
        System.arraycopy(stored, SEGMENT, reordered, 2 * SEGMENT, SEGMENT);
        System.arraycopy(stored, 2 * SEGMENT, reordered, SEGMENT, SEGMENT);

        assertThatThrownBy(() -> readAll(cipher.decrypting(new ByteArrayInputStream(reordered), "file-a")))
                .isInstanceOf(TamperedStreamException.class);
        assertThatThrownBy(() -> readAll(cipher.decrypting(new ByteArrayInputStream(stored), "file-b")))
                .isInstanceOf(TamperedStreamException.class);
        assertThatThrownBy(() -> readAll(files.of(aGroup()).decrypting(new ByteArrayInputStream(stored), "file-a")))
                .isInstanceOf(TamperedStreamException.class);
    }

    @Test
    void aFailingStorageIsNotMistakenForTampering() throws IOException {
        FileCipher cipher = files.of(aGroup());
        byte[] stored = encrypt(cipher, aFileOf(2 * SEGMENT), "file-io");
        InputStream failing = new InputStream() {
            private final InputStream in = new ByteArrayInputStream(stored, 0, SEGMENT + 5);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("disk gone");
                }
                return b;
            }
        };

        assertThatThrownBy(() -> readAll(cipher.decrypting(failing, "file-io")))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(TamperedStreamException.class)
                .hasMessage("disk gone");
    }

    private UUID aGroup() {
        return CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");
    }

    private static byte[] aFileOf(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] encrypt(FileCipher cipher, byte[] plaintext, String fileId) throws IOException {
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        try (OutputStream out = cipher.encrypting(sink, fileId)) {
            out.write(plaintext);
        }
        return sink.toByteArray();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    private static byte[] readAll(SeekableByteChannel channel) throws IOException {
        try (channel) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
            while (channel.read(buffer) >= 0) {
                out.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return out.toByteArray();
        }
    }

    /** A read-only channel over bytes, as a blob store's ranged reads would give. */
    static final class InMemoryChannel implements SeekableByteChannel {

        private final byte[] bytes;
        private long position;
        private boolean open = true;

        InMemoryChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read(ByteBuffer destination) {
            if (position >= bytes.length) {
                return -1;
            }
            int n = (int) Math.min(destination.remaining(), bytes.length - position);
            destination.put(bytes, (int) position, n);
            position += n;
            return n;
        }

        @Override
        public int write(ByteBuffer source) {
            throw new UnsupportedOperationException();
        }

        @Override
        public long position() {
            return position;
        }

        @Override
        public SeekableByteChannel position(long newPosition) {
            position = newPosition;
            return this;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public SeekableByteChannel truncate(long size) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
