package io.selvedge.platform.internal.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OverlappedTransfersTest {

    private static final int SIZE = 3 * ChunkHandoff.CHUNK_BYTES + 12_345;

    private final byte[] file = randomBytes(SIZE);
    private SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private OverlappedTransfers transfers = withThreads(4);

    @AfterEach
    void stopThreads() {
        transfers.destroy();
    }

    @Test
    void aDownloadGetsExactlyTheSpanAskedForAndIsReadOnATransferThread() throws IOException {
        ThreadRecordingChannel source = new ThreadRecordingChannel(file);
        source.skip(1000);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        transfers.readAhead(source, SIZE - 2000, sink);

        assertThat(sink.toByteArray()).isEqualTo(Arrays.copyOfRange(file, 1000, SIZE - 1000));
        assertThat(source.readers).allMatch(name -> name.startsWith("transfer-"));
        assertThat(transfers("download", "overlapped")).isEqualTo(1);
    }

    @Test
    void aStoredFileShorterThanItsRecordedSizeFails() {
        assertThatThrownBy(() -> transfers.readAhead(
                        Channels.newChannel(new ByteArrayInputStream(file)), SIZE + 1, new ByteArrayOutputStream()))
                .isInstanceOf(EOFException.class);
    }

    @Test
    void aFailureWhileReadingTheStoredFileReachesTheCallerAsItself() {
        IOException tampered = new IOException("segment 2 failed authentication");
        ReadableByteChannel failing = new FailingChannel(file, 2 * ChunkHandoff.CHUNK_BYTES, tampered);

        assertThatThrownBy(() -> transfers.readAhead(failing, SIZE, new ByteArrayOutputStream()))
                .isSameAs(tampered);
    }

    @Test
    void aClientThatGoesAwayStopsTheReadingBeforeTheCallReturns() throws IOException {
        ThreadRecordingChannel source = new ThreadRecordingChannel(new byte[64 * ChunkHandoff.CHUNK_BYTES]);
        IOException gone = new IOException("Broken pipe");
        OutputStream sink = failingWith(gone);

        assertThatThrownBy(() -> transfers.readAhead(source, source.size(), sink))
                .isSameAs(gone);
        long readWhenReturned = source.read.get();

        assertThat(readWhenReturned).isLessThanOrEqualTo((ChunkHandoff.CHUNKS + 1L) * ChunkHandoff.CHUNK_BYTES);
        assertThat(source.read.get()).isEqualTo(readWhenReturned); // nothing reads on after the call
    }

    @Test
    void anUploadIsWrittenWholeOnATransferThreadWhileTheCallerReads() throws IOException {
        Set<String> writers = ConcurrentHashMap.newKeySet();
        ByteArrayOutputStream stored = new ByteArrayOutputStream();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {
                throw new AssertionError("chunks are written whole");
            }

            @Override
            public void write(byte[] b, int off, int len) {
                writers.add(Thread.currentThread().getName());
                stored.write(b, off, len);
            }
        };

        long copied = transfers.writeBehind(new ByteArrayInputStream(file), sink);

        assertThat(copied).isEqualTo(SIZE);
        assertThat(stored.toByteArray()).isEqualTo(file);
        assertThat(writers).allMatch(name -> name.startsWith("transfer-"));
        assertThat(transfers("upload", "overlapped")).isEqualTo(1);
    }

    @Test
    void anEmptyUploadCopiesNothing() throws IOException {
        ByteArrayOutputStream stored = new ByteArrayOutputStream();

        assertThat(transfers.writeBehind(InputStream.nullInputStream(), stored)).isZero();
        assertThat(stored.size()).isZero();
    }

    @Test
    void aStoreThatFailsStopsTheUploadWithItsOwnException() {
        IOException full = new IOException("No space left on device");
        OutputStream sink = failingWith(full);
        CountingEndlessStream endless = new CountingEndlessStream();

        assertThatThrownBy(() -> transfers.writeBehind(endless, sink)).isSameAs(full);
        assertThat(endless.read.get()).isLessThan(64L * ChunkHandoff.CHUNK_BYTES);
    }

    @Test
    void aClientFailureStopsTheWritingAndNothingIsWrittenAfterTheCallReturns() throws Exception {
        RuntimeException tooLarge = new IllegalStateException("over the size limit");
        InputStream source = new InputStream() {
            private int left = 2 * ChunkHandoff.CHUNK_BYTES;

            @Override
            public int read() {
                throw new AssertionError("read in blocks");
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    throw tooLarge;
                }
                int n = Math.min(len, left);
                left -= n;
                return n;
            }
        };
        AtomicLong written = new AtomicLong();
        OutputStream sink = new OutputStream() {
            @Override
            public void write(int b) {}

            @Override
            public void write(byte[] b, int off, int len) {
                written.addAndGet(len);
            }
        };

        assertThatThrownBy(() -> transfers.writeBehind(source, sink)).isSameAs(tooLarge);
        long writtenWhenReturned = written.get();
        Thread.sleep(50);

        assertThat(written.get()).isEqualTo(writtenWhenReturned);
    }

    @Test
    void withoutTransferThreadsEverythingRunsOnTheCaller() throws IOException {
        transfers.destroy();
        meters = new SimpleMeterRegistry();
        transfers = withThreads(0);
        ThreadRecordingChannel source = new ThreadRecordingChannel(file);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();

        transfers.readAhead(source, SIZE, sink);

        assertThat(sink.toByteArray()).isEqualTo(file);
        assertThat(source.readers).containsOnly(Thread.currentThread().getName());
    }

    @Test
    void whenEveryTransferThreadIsBusyTheCallerCopiesAloneRatherThanWait() throws Exception {
        transfers.destroy();
        meters = new SimpleMeterRegistry();
        transfers = withThreads(1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> {
            try {
                transfers.writeBehind(new ByteArrayInputStream(file), new OutputStream() {
                    @Override
                    public void write(int b) {}

                    @Override
                    public void write(byte[] b, int off, int len) {
                        busy.countDown();
                        awaitQuietly(release);
                    }
                });
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
        try {
            ThreadRecordingChannel source = new ThreadRecordingChannel(file);
            ByteArrayOutputStream sink = new ByteArrayOutputStream();

            transfers.readAhead(source, SIZE, sink);

            assertThat(sink.toByteArray()).isEqualTo(file);
            assertThat(source.readers).containsOnly(Thread.currentThread().getName());
            assertThat(transfers("download", "direct")).isEqualTo(1); // what tells operators the pool is too small
        } finally {
            release.countDown();
            other.join(5000);
        }
    }

    private OverlappedTransfers withThreads(int threads) {
        return new OverlappedTransfers(
                new PlatformProperties(
                        SelvedgeEnvironment.TEST,
                        Path.of("unused"),
                        8443,
                        URI.create("https://localhost:8443"),
                        null,
                        new PlatformProperties.Tls(null, null, null, null, Duration.ofSeconds(10)),
                        new PlatformProperties.TransferThreads(threads)),
                meters);
    }

    private double transfers(String direction, String mode) {
        return meters.get(OverlappedTransfers.METRIC)
                .tags("direction", direction, "mode", mode)
                .counter()
                .count();
    }

    private static OutputStream failingWith(IOException failure) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw failure;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                throw failure;
            }
        };
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(6).nextBytes(bytes);
        return bytes;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A file in memory that notes who reads it and how much, in small reads like a decrypting channel. */
    private static class ThreadRecordingChannel implements ReadableByteChannel {
        final Set<String> readers = ConcurrentHashMap.newKeySet();
        final AtomicLong read = new AtomicLong();
        private final byte[] bytes;
        private int position;

        ThreadRecordingChannel(byte[] bytes) {
            this.bytes = bytes;
        }

        void skip(int n) {
            position += n;
        }

        long size() {
            return bytes.length;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            readers.add(Thread.currentThread().getName());
            if (position == bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(destination.remaining(), 100_000), bytes.length - position);
            destination.put(bytes, position, n);
            position += n;
            read.addAndGet(n);
            return n;
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    /** Fails with the given exception once {@code failAt} bytes have been read. */
    private static final class FailingChannel extends ThreadRecordingChannel {
        private final long failAt;
        private final IOException failure;

        FailingChannel(byte[] bytes, long failAt, IOException failure) {
            super(bytes);
            this.failAt = failAt;
            this.failure = failure;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            if (read.get() >= failAt) {
                throw failure;
            }
            return super.read(destination);
        }
    }

    /** Never ends; counts what was read from it. */
    private static final class CountingEndlessStream extends InputStream {
        final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            read.incrementAndGet();
            return 0;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            read.addAndGet(len);
            return len;
        }
    }
}
