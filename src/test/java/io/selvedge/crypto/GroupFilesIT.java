package io.selvedge.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.OperatorCommand;
import io.selvedge.storage.GroupResidency;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A group's files as its users will rely on them: what was stored is what comes back, after a restart
 * too, ranges included; a changed, removed or added byte is refused rather than delivered; and the
 * region's key-encryption key rotates while files go in and out.
 */
@SelvedgeIntegrationTest
class GroupFilesIT {

    @Autowired
    GroupFiles files;

    @Autowired
    GroupResidency residency;

    @Autowired
    GroupKeys keys;

    @Autowired
    List<OperatorCommand> commands;

    @Test
    void whatIsStoredComesBackWithItsSizeAndHash() throws Exception {
        UUID group = aGroupIn("eu");
        byte[] content = randomBytes(3 * 1024 * 1024 + 17);

        GroupFiles.StoredFile stored = files.write(group, "garment.glb", new ByteArrayInputStream(content));

        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        try (InputStream in = files.open(group, "garment.glb")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aRangeIsReadWithoutDecryptingFromTheStart() throws Exception {
        UUID group = aGroupIn("us");
        byte[] content = randomBytes(5 * 1024 * 1024);
        files.write(group, "pattern.pdf", new ByteArrayInputStream(content));

        try (SeekableByteChannel channel = files.openChannel(group, "pattern.pdf")) {
            ByteBuffer range = ByteBuffer.allocate(1000);
            channel.position(4 * 1024 * 1024 + 123);
            while (range.hasRemaining() && channel.read(range) > 0) {
                // read the whole range
            }
            byte[] expected = java.util.Arrays.copyOfRange(content, 4 * 1024 * 1024 + 123, 4 * 1024 * 1024 + 1123);
            assertThat(range.array()).isEqualTo(expected);
        }
    }

    @Test
    void aFileIsByteIdenticalAfterARestart() throws Exception {
        byte[] content = randomBytes(2 * 1024 * 1024 + 5);
        UUID group = UUID.randomUUID();
        TestServer first = TestServer.start();
        try (first) {
            first.bean(GroupResidency.class).register(group, "apac");
            first.bean(GroupKeys.class).create(group);
            first.bean(GroupFiles.class).write(group, "tech-pack.zprj", new ByteArrayInputStream(content));
        }

        try (TestServer again = TestServer.Settings.sameInstallationAs(first).start();
                InputStream in = again.bean(GroupFiles.class).open(group, "tech-pack.zprj")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
    }

    @Test
    void aFlippedByteIsRefusedNotDelivered() throws Exception {
        assertTamperingIsRefused((stored) -> stored[stored.length / 2] ^= 0x01, false);
    }

    @Test
    void aRemovedByteIsRefusedNotDelivered() throws Exception {
        assertTamperingIsRefused(null, true);
    }

    @Test
    void anAppendedByteIsRefusedNotDelivered() throws Exception {
        UUID group = aGroupIn("eu");
        files.write(group, "appended.obj", new ByteArrayInputStream(randomBytes(100_000)));
        Path blob = blobFileOf(group, "appended.obj");
        Files.write(blob, new byte[] {42}, java.nio.file.StandardOpenOption.APPEND);

        assertThatThrownBy(() -> {
                    try (InputStream in = files.open(group, "appended.obj")) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(TamperedStreamException.class);
    }

    @Test
    void anUnsafeFileIdIsRefused() {
        UUID group = aGroupIn("eu");

        assertThatThrownBy(() -> files.write(group, "../escape", new ByteArrayInputStream(new byte[1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filesGoInAndOutWhileTheRegionsKeyEncryptionKeyRotates() throws Exception {
        UUID group = aGroupIn("eu");
        byte[] content = randomBytes(300_000);
        files.write(group, "before-rotation.glb", new ByteArrayInputStream(content));
        AtomicBoolean rotating = new AtomicBoolean(true);
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> uploads = workers.submit(() -> {
                int n = 0;
                while (rotating.get() || n < 3) {
                    files.write(group, "during-" + n, new ByteArrayInputStream(content));
                    n++;
                }
                return n;
            });
            Future<Integer> downloads = workers.submit(() -> {
                int n = 0;
                while (rotating.get() || n < 3) {
                    try (InputStream in = files.open(group, "before-rotation.glb")) {
                        assertThat(in.readAllBytes()).isEqualTo(content);
                    }
                    n++;
                }
                return n;
            });

            assertThat(run("keys", "rotate-kek", "--region", "eu")).isZero();
            rotating.set(false);

            int uploaded = uploads.get(60, TimeUnit.SECONDS);
            assertThat(downloads.get(60, TimeUnit.SECONDS)).isPositive();
            for (int i = 0; i < uploaded; i++) {
                try (InputStream in = files.open(group, "during-" + i)) {
                    assertThat(in.readAllBytes()).isEqualTo(content);
                }
            }
        } finally {
            rotating.set(false);
            workers.shutdownNow();
        }
    }

    private void assertTamperingIsRefused(java.util.function.Consumer<byte[]> change, boolean removeLastByte)
            throws Exception {
        UUID group = aGroupIn("eu");
        files.write(group, "tampered.zprj", new ByteArrayInputStream(randomBytes(2 * 1024 * 1024)));
        Path blob = blobFileOf(group, "tampered.zprj");
        byte[] stored = Files.readAllBytes(blob);
        if (change != null) {
            change.accept(stored);
        }
        if (removeLastByte) {
            stored = java.util.Arrays.copyOf(stored, stored.length - 1);
        }
        Files.write(blob, stored);

        assertThatThrownBy(() -> {
                    try (InputStream in = files.open(group, "tampered.zprj")) {
                        in.readAllBytes();
                    }
                })
                .isInstanceOf(TamperedStreamException.class);
    }

    private Path blobFileOf(UUID group, String fileId) throws IOException {
        String region = residency.regionOf(group);
        Path root = Path.of(residency.storeOf(group).blobs().location());
        try (Stream<Path> found = Files.walk(root)) {
            return found.filter(path -> path.endsWith(Path.of("groups", group.toString(), "files", fileId)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no blob of " + fileId + " in " + region));
        }
    }

    private int run(String name, String... arguments) {
        OperatorCommand command =
                commands.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        return command.run(
                List.of(arguments), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private UUID aGroupIn(String region) {
        UUID group = UUID.randomUUID();
        residency.register(group, region);
        keys.create(group);
        return group;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
