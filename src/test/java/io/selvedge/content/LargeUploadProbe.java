package io.selvedge.content;

import io.selvedge.testing.TestServer;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Run in a JVM of its own with a small heap ({@link BoundedMemoryUploadIT}, {@code bench/run-content.sh}):
 * starts a server, uploads a generated body of the given size (larger than the heap) as a version over
 * HTTPS, downloads it, and compares SHA-256s. Prints the throughputs and the peak heap; exits 0 only if
 * the server's hash, the download's hash and the generator's hash agree.
 */
public final class LargeUploadProbe {

    private LargeUploadProbe() {}

    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        long seed = 7;
        int status = 1;
        try (TestServer server = TestServer.start()) {
            ContentClient client = ContentClient.aCustomerWithAStyle(server, "eu");
            String expected = GeneratedBody.sha256(size, seed);

            long start = System.nanoTime();
            HttpResponse<String> uploaded = client.send(client.request(
                            "/api/v1/styles/" + client.style + "/versions?filename=large.zprj")
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedBody(size, seed)), size))
                    .build());
            double uploadSeconds = (System.nanoTime() - start) / 1e9;
            if (uploaded.statusCode() != 201 || !uploaded.body().contains("\"sha256\":\"" + expected + "\"")) {
                System.out.println("UPLOAD FAILED " + uploaded.statusCode() + " " + uploaded.body());
                System.exit(1);
            }
            String version = ContentClient.idOf(uploaded);

            start = System.nanoTime();
            HttpResponse<InputStream> download =
                    client.stream(client.request("/api/v1/versions/" + version + "/content")
                            .GET()
                            .build());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long received = 0;
            try (InputStream body = download.body()) {
                byte[] buffer = new byte[1 << 16];
                int n;
                while ((n = body.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                    received += n;
                }
            }
            double downloadSeconds = (System.nanoTime() - start) / 1e9;
            String downloaded = HexFormat.of().formatHex(digest.digest());
            System.out.printf(
                    "size %d bytes, heap max %d MiB, peak heap used %d MiB%n",
                    received, Runtime.getRuntime().maxMemory() >> 20, peakHeap() >> 20);
            System.out.printf(
                    "upload and download over %s://%s:%d (%s)%n",
                    download.uri().getScheme(),
                    download.uri().getHost(),
                    download.uri().getPort(),
                    download.version());
            System.out.printf(
                    "upload %.1f s (%.0f MB/s), download %.1f s (%.0f MB/s)%n",
                    uploadSeconds, size / uploadSeconds / 1e6, downloadSeconds, received / downloadSeconds / 1e6);
            if (download.statusCode() == 200 && received == size && downloaded.equals(expected)) {
                System.out.println("SHA-256 MATCH " + expected);
                status = 0;
            } else {
                System.out.println("DOWNLOAD MISMATCH " + download.statusCode() + " " + received + " " + downloaded);
            }
        } catch (Throwable failure) {
            System.out.println("FAILED " + failure);
            failure.printStackTrace(System.out);
        }
        System.exit(status);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
