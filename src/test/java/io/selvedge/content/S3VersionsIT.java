package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.AuditActor;
import io.selvedge.tenancy.NodeKind;
import io.selvedge.testing.ContentServices;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestS3;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Versions in an S3 bucket (the S3 test server): streamed in as a multipart upload, read back by range
 * across encrypted segments, an interrupted upload leaving no object, a resumable upload's parts
 * joined into a version and then removed.
 */
@SelvedgeIntegrationTest
class S3VersionsIT extends ContentServices {

    static final String BUCKET = TestS3.newBucket("selvedge-content");

    @DynamicPropertySource
    static void euOnS3(DynamicPropertyRegistry registry) {
        registry.add("selvedge.storage.pool-size", () -> "2");
        String prefix = "selvedge.storage.region.eu.blobs.";
        registry.add(prefix + "type", () -> "s3");
        registry.add(prefix + "endpoint", () -> TestS3.endpoint().toString());
        registry.add(prefix + "bucket", () -> BUCKET);
        registry.add(prefix + "access-key", () -> TestS3.ACCESS_KEY);
        registry.add(prefix + "secret-key", () -> TestS3.SECRET_KEY);
        registry.add(prefix + "path-style", () -> "true");
    }

    final S3Client s3 = TestS3.client();

    @Test
    void versionsStreamIntoTheBucketAndAreReadBackByRange() throws Exception {
        UUID actor = UUID.randomUUID();
        UUID group = groups.create("Maison", "eu", actor).id();
        UUID parent = group;
        for (NodeKind kind : NodeKind.values()) {
            parent = tree.create(kind, parent, kind.name(), AuditActor.account(actor))
                    .id();
        }
        Style style = styles.create(parent, "Coat", "", List.of(), actor);
        byte[] file = new GeneratedBody(20L * 1024 * 1024 + 99, 3).readAllBytes();

        Version version =
                versions.upload(style.id(), "coat.glb", null, file.length, new ByteArrayInputStream(file), actor);
        assertThat(version.size()).isEqualTo(file.length);
        try (VersionContent content = versions.download(
                version.id(), actor, new FileResponses.Span(9L * 1024 * 1024 - 10, file.length - 1L))) {
            long from = 9L * 1024 * 1024 - 10;
            content.channel().position(from);
            ByteBuffer read = ByteBuffer.allocate(2 * 1024 * 1024);
            // Across segment boundaries; 0 means "not yet" (Tink reads a whole segment before it answers).
            while (read.hasRemaining() && content.channel().read(read) >= 0) {
                Thread.onSpinWait();
            }
            assertThat(read.array()).isEqualTo(Arrays.copyOfRange(file, (int) from, (int) from + read.capacity()));
            // Asked only after a read: crypto's channel cannot tell its size before the first read (see report).
            assertThat(content.channel().size()).isEqualTo(file.length);
        }
        List<String> afterOne = keys(group);
        assertThat(afterOne).containsExactly("groups/" + group + "/files/v-" + version.id());

        InputStream dropping = new InputStream() {
            int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 9_000_000) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> versions.upload(style.id(), "cut.glb", null, -1, dropping, actor))
                .isInstanceOf(IOException.class);
        assertThat(keys(group)).isEqualTo(afterOne);

        Uploads.Upload upload = uploads.create(style.id(), file.length, "resumed.glb", null, actor);
        int half = file.length / 2;
        uploads.append(upload.id(), 0, new ByteArrayInputStream(file, 0, half), actor);
        Uploads.Upload done =
                uploads.append(upload.id(), half, new ByteArrayInputStream(file, half, file.length - half), actor);
        assertThat(done.versionId()).isNotNull();
        try (VersionContent content = versions.download(done.versionId(), actor, null);
                InputStream whole = java.nio.channels.Channels.newInputStream(content.channel())) {
            assertThat(whole.readAllBytes()).isEqualTo(file);
        }
        assertThat(keys(group)).hasSize(2).allMatch(key -> key.contains("/files/v-"));
    }

    private List<String> keys(UUID group) {
        return s3
                .listObjectsV2Paginator(ListObjectsV2Request.builder()
                        .bucket(BUCKET)
                        .prefix("groups/" + group + "/")
                        .build())
                .contents()
                .stream()
                .map(S3Object::key)
                .filter(key -> !key.endsWith("/")) // the test server's folder markers
                .sorted()
                .toList();
    }
}
