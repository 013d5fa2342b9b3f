package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestServer;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.Flow;
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

            HttpResponse<String> created = client.send(client.request("/api/v1/uploads")
                    .header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", Long.toString(size))
                    .header("Upload-Metadata", "filename " + base64("coat.glb") + ",styleId " + base64(client.style))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            assertThat(created.headers().firstValue("Upload-Expires")).isPresent();
            upload = created.headers().firstValue("Location").orElseThrow();

            // A first chunk, whole.
            HttpResponse<String> patched = patch(client, upload, 0, whole, 0, MIB);
            assertThat(patched.statusCode()).isEqualTo(204);
            assertThat(patched.headers().firstValue("Upload-Offset")).hasValue(Integer.toString(MIB));

            // A wrong offset is a conflict.
            assertThat(patch(client, upload, 5, whole, 5, 10).statusCode()).isEqualTo(409);

            // A chunk whose connection drops after half a MiB: what arrived is kept, or nothing of it.
            try {
                client.send(client.request(upload)
                        .header("Tus-Resumable", "1.0.0")
                        .header("Upload-Offset", Integer.toString(MIB))
                        .header("Content-Type", "application/offset+octet-stream")
                        .method("PATCH", new DroppingPublisher(whole, MIB, MIB / 2))
                        .build());
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
            HttpResponse<String> last = patch(again, upload, offset, whole, (int) offset, (int) (size - offset));
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
            assertThat(head(again, upload).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void uploadsAreTheirCreatorsAndCanBeTerminated() throws Exception {
        try (TestServer server = TestServer.start()) {
            ContentClient owner = ContentClient.aCustomerWithAStyle(server, "us");
            ContentClient other = ContentClient.aCustomerWithAStyle(server, "us");
            HttpResponse<String> noVersion = owner.send(owner.request("/api/v1/uploads")
                    .header("Upload-Length", "10")
                    .header("Upload-Metadata", "styleId " + base64(owner.style))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(noVersion.statusCode()).isEqualTo(412);
            HttpResponse<String> otherStyle = other.send(other.request("/api/v1/uploads")
                    .header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", "10")
                    .header("Upload-Metadata", "styleId " + base64(owner.style))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            assertThat(otherStyle.statusCode()).isEqualTo(404);
            HttpResponse<String> created = owner.send(owner.request("/api/v1/uploads")
                    .header("Tus-Resumable", "1.0.0")
                    .header("Upload-Length", "10")
                    .header("Upload-Metadata", "styleId " + base64(owner.style))
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build());
            String upload = created.headers().firstValue("Location").orElseThrow();
            assertThat(head(other, upload).statusCode()).isEqualTo(404);
            assertThat(head(owner, upload).statusCode()).isEqualTo(200);
            byte[] eleven = "0123456789X".getBytes(StandardCharsets.UTF_8);
            assertThat(patch(owner, upload, 0, eleven, 0, 11).statusCode()).isEqualTo(413);
            HttpResponse<String> wrongType = owner.send(owner.request(upload)
                    .header("Tus-Resumable", "1.0.0")
                    .header("Upload-Offset", "0")
                    .header("Content-Type", "application/json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString("{}"))
                    .build());
            assertThat(wrongType.statusCode()).isEqualTo(415);
            HttpResponse<String> terminated = owner.send(owner.request(upload)
                    .header("Tus-Resumable", "1.0.0")
                    .DELETE()
                    .build());
            assertThat(terminated.statusCode()).isEqualTo(204);
            assertThat(head(owner, upload).statusCode()).isEqualTo(404);
        }
    }

    static HttpResponse<String> patch(
            ContentClient client, String upload, long offset, byte[] whole, int from, int length) {
        return client.send(client.request(upload)
                .header("Tus-Resumable", "1.0.0")
                .header("Upload-Offset", Long.toString(offset))
                .header("Content-Type", "application/offset+octet-stream")
                .method("PATCH", HttpRequest.BodyPublishers.ofByteArray(whole, from, length))
                .build());
    }

    static HttpResponse<String> head(ContentClient client, String upload) {
        return client.send(client.request(upload)
                .header("Tus-Resumable", "1.0.0")
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());
    }

    static long offset(ContentClient client, String upload) {
        HttpResponse<String> head = head(client, upload);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
        return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
    }

    static String base64(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Sends {@code sent} bytes of the body from {@code from}, then fails, as a dropped connection does. */
    record DroppingPublisher(byte[] whole, int from, int sent) implements HttpRequest.BodyPublisher {

        @Override
        public long contentLength() {
            return -1; // chunked: the server cannot tell the end from a drop by the length
        }

        @Override
        public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
            subscriber.onSubscribe(new Flow.Subscription() {
                boolean done;

                @Override
                public void request(long n) {
                    if (done) {
                        return;
                    }
                    done = true;
                    subscriber.onNext(ByteBuffer.wrap(whole, from, sent));
                    subscriber.onError(new java.io.IOException("connection dropped"));
                }

                @Override
                public void cancel() {
                    done = true;
                }
            });
        }
    }
}
