package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestServer;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The tus 1.0 protocol over real HTTPS: creation, offsets, a dropped connection, a server restart,
 * termination; the finished upload is a version byte-identical to what was sent.
 */
@SelvedgeIntegrationTest
class ResumableUploadsIT {

    static final int MIB = 1024 * 1024;

    @Test
    void anUploadResumesAfterADroppedConnectionAndAServerRestartAndEndsByteIdentical() throws Exception {
        long size = 3L * MIB + 4321;
        long seed = 42;
        byte[] whole = new GeneratedBody(size, seed).readAllBytes();
        TestServer first = TestServer.start();
        ContentClient client;
        String upload;
        try {
            client = ContentClient.aCustomerWithAStyle(first, "eu");
            HttpResponse<String> options = client.send(client.request("/api/v1/uploads")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(options.statusCode()).isEqualTo(204);
            assertThat(options.headers().firstValue("Tus-Extension")).hasValue("creation,termination,expiration");

            HttpResponse<String> created = client.createUpload(client.style, size, "coat.glb");
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Upload-Expires")).isPresent();
            upload = created.headers().firstValue("Location").orElseThrow();

            // A first chunk, whole.
            HttpResponse<String> patched = client.patch(upload, 0, whole, 0, MIB);
            assertThat(patched.statusCode()).isEqualTo(204);
            assertThat(patched.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(MIB));

            // A wrong offset is a conflict.
            assertThat(client.patch(upload, 5, whole, 5, 10).statusCode()).isEqualTo(409);

            // A chunk whose connection drops after half a MiB: what arrived is kept, or nothing of it.
            try {
                client.send(client.chunk(upload, MIB, CutBody.dropping(whole, MIB, MIB / 2)));
            } catch (IllegalStateException expected) {
                // the client gave up mid-body
            }
        } finally {
            first.close();
        }

        try (TestServer second = TestServer.Settings.sameInstallationAs(first).start()) {
            ContentClient again = client.against(second);
            long offset = offset(again, upload);
            assertThat(offset).isBetween((long) MIB, (long) MIB + MIB / 2);
            HttpResponse<String> last = again.patch(upload, offset, whole, (int) offset, (int) (size - offset));
            assertThat(last.statusCode()).as(last.body()).isEqualTo(204);
            String version = last.headers().firstValue("Selvedge-Version-Id").orElseThrow();

            HttpResponse<InputStream> download = again.stream(again.request("/api/v1/versions/" + version + "/content")
                    .GET()
                    .build());
            assertThat(download.statusCode()).isEqualTo(200);
            byte[] served;
            try (InputStream body = download.body()) {
                served = body.readAllBytes();
            }
            assertThat(sha256(served)).isEqualTo(sha256(whole));
            assertThat(served).isEqualTo(whole);
            // The upload is done with: its parts are gone, its id answers 404.
            assertThat(again.head(upload).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void uploadsAreTheirCreatorsAndCanBeTerminated() throws Exception {
        try (TestServer server = TestServer.start()) {
            ContentClient owner = ContentClient.aCustomerWithAStyle(server, "us");
            ContentClient other = ContentClient.aCustomerWithAStyle(server, "us");
            HttpResponse<String> noVersion = owner.send(owner.request("/api/v1/uploads")
                    .header("Upload-Length", "10")
                    .header("Upload-Metadata", "styleId " + ContentClient.base64(owner.style))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(noVersion.statusCode()).isEqualTo(412);
            HttpResponse<String> otherStyle = other.createUpload(owner.style, 10, null);
            assertThat(otherStyle.statusCode()).isEqualTo(404);
            HttpResponse<String> created = owner.createUpload(owner.style, 10, null);
            String upload = created.headers().firstValue("Location").orElseThrow();
            assertThat(other.head(upload).statusCode()).isEqualTo(404);
            assertThat(owner.head(upload).statusCode()).isEqualTo(200);
            byte[] eleven = "0123456789X".getBytes(StandardCharsets.UTF_8);
            assertThat(owner.patch(upload, 0, eleven, 0, 11).statusCode()).isEqualTo(413);
            HttpResponse<String> wrongType = owner.send(owner.tus(upload)
                    .header("Upload-Offset", "0")
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                    .build());
            assertThat(wrongType.statusCode()).isEqualTo(415);
            HttpResponse<String> terminated =
                    owner.send(owner.tus(upload).DELETE().build());
            assertThat(terminated.statusCode()).isEqualTo(204);
            assertThat(owner.head(upload).statusCode()).isEqualTo(404);
        }
    }

    static long offset(ContentClient client, String upload) {
        HttpResponse<String> head = client.head(upload);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
