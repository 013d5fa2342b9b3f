package io.selvedge.protection;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.content.ContentClient;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The limits of a connection and of a request's head and body: each refused with a problem document (4xx) and
 * counted, whether Tomcat refuses it (header size and count) or the application (request line, body per route
 * class, a body dripping slower than the minimum, one upload too many for an account).
 */
@ExtendWith(TestDatabase.AvailableCondition.class)
// Tomcat's and the filters' limits: nothing more is proven on a second database.
@Tag("store-independent")
class ConnectionLimitsIT {

    static TestServer server;
    static ContentClient designer;

    @BeforeAll
    static void start() {
        server = TestServer.with()
                .property("selvedge.protection.connections.body-grace", "2s")
                .property("selvedge.protection.connections.min-body-rate", "200B")
                .property("selvedge.protection.connections.uploads-per-account", 1)
                .start();
        designer = ContentClient.aCustomerWithAStyle(server, "eu");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anOversizedHeaderIsRefusedWithAProblemDocument() {
        String answer =
                send("GET /signin HTTP/1.1\r\nAccept: application/json\r\nX-Padding: " + "a".repeat(20_000), "");

        assertThat(answer)
                .startsWith("HTTP/1.1 400")
                .contains("application/problem+json")
                .contains("\"status\":400");
        assertThat(counted("selvedge.container.refused", "status", "400")).isPositive();
    }

    @Test
    void tooManyHeadersAreRefusedWithAProblemDocument() {
        StringBuilder head = new StringBuilder("GET /signin HTTP/1.1\r\nAccept: application/json");
        for (int i = 0; i < 70; i++) {
            head.append("\r\nX-Header-").append(i).append(": ").append(i);
        }

        String answer = send(head.toString(), "");

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
    }

    @Test
    void aLongRequestLineIsRefusedWithAProblemDocument() {
        String answer = send("GET /api/v1/" + "a".repeat(5_000) + " HTTP/1.1\r\nAccept: application/json", "");

        assertThat(answer)
                .startsWith("HTTP/1.1 414")
                .contains("application/problem+json")
                .contains("longer than 4096");
        assertThat(counted("selvedge.connections.refused", "limit", "request-line"))
                .isPositive();

        String pastTheHeaderBuffer = send("GET /" + "a".repeat(20_000) + " HTTP/1.1\r\nAccept: application/json", "");
        assertThat(pastTheHeaderBuffer).matches("(?s)HTTP/1\\.1 4\\d\\d.*").contains("application/problem+json");
    }

    @Test
    void anOversizedJsonBodyOnASignInIsRefusedBelowTheGeneralLimit() {
        String body = "{\"username\":\"ada\",\"password\":\"" + "p".repeat(100_000) + "\",\"name\":\"x\"}";

        String answer = send("POST /api/v1/auth/tokens HTTP/1.1\r\nContent-Type: application/json", body);

        assertThat(answer)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("65536 bytes");
        assertThat(counted("selvedge.connections.refused", "limit", "body-size"))
                .isPositive();
    }

    @Test
    void aClientStillSendingAnOversizedBodyReadsTheRefusalBeforeTheConnectionCloses() throws Exception {
        int length = 5_000_000; // past what the sockets' buffers hold, within what the server reads and drops
        try (SSLSocket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/tokens HTTP/1.1\r\nHost: localhost:" + server.port()
                            + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nContent-Length: "
                            + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Still sending, at a pace a slow uplink has, well after the refusal is written: a connection closed
            // with the body unread would be reset under these writes, and the answer lost.
            byte[] chunk = new byte[32 * 1024];
            for (int sent = 0; sent < length; sent += chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, length - sent));
                out.flush();
                Thread.sleep(10);
            }

            assertThat(readAll(socket.getInputStream()))
                    .startsWith("HTTP/1.1 413")
                    .contains("application/problem+json")
                    .contains("65536 bytes");
        }
    }

    @Test
    void anUploadDrippingAFewBytesASecondIsCutOffAfterTheGracePeriod() throws Exception {
        try (SSLSocket socket = open()) {
            long started = System.nanoTime();
            OutputStream out = socket.getOutputStream();
            out.write(uploadHead("slow.zprj", 100_000));
            out.flush();
            Thread dripper = drip(out, 4, Duration.ofMillis(500));

            String answer = readAll(socket.getInputStream());

            dripper.interrupt();
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            assertThat(answer)
                    .startsWith("HTTP/1.1 408")
                    .contains("application/problem+json")
                    .contains("slower than");
            assertThat(seconds)
                    .as("cut off after the grace period, not the read timeout")
                    .isLessThan(15);
            assertThat(counted("selvedge.connections.refused", "limit", "slow-body", "route", "uploads"))
                    .isPositive();
        }
    }

    @Test
    void anAccountRunsOneUploadAtATimeHereAndTheNextIsRefusedUntilItEnds() throws Exception {
        HttpResponse<String> second;
        try (SSLSocket socket = open()) {
            OutputStream out = socket.getOutputStream();
            out.write(uploadHead("held.zprj", 1_000_000));
            out.flush();
            // Fast enough to stay above the minimum rate: the first upload holds its slot while this runs.
            Thread dripper = drip(out, 400, Duration.ofMillis(500));
            Thread.sleep(1_500);

            second = upload("second.zprj");

            dripper.interrupt();
        }
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(second.body()).contains("already runs 1 uploads");
        assertThat(counted("selvedge.connections.refused", "limit", "concurrent-uploads"))
                .isPositive();

        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status = upload("third.zprj").statusCode();
        while (status == 429 && System.nanoTime() < giveUp) {
            Thread.sleep(200);
            status = upload("third.zprj").statusCode();
        }
        assertThat(status)
                .as("the slot is free again once the first upload ended")
                .isEqualTo(201);
    }

    private HttpResponse<String> upload(String filename) {
        return designer.send(designer.request("/api/v1/styles/" + designer.style + "/versions?filename=" + filename)
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2048]))
                .build());
    }

    private static byte[] uploadHead(String filename, int length) {
        return ("POST /api/v1/styles/" + designer.style + "/versions?filename=" + filename + " HTTP/1.1\r\n"
                        + "Host: localhost:" + server.port() + "\r\nAuthorization: Bearer " + designer.token()
                        + "\r\nContent-Type: application/octet-stream\r\nAccept: application/json\r\nContent-Length: "
                        + length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Writes {@code bytes} bytes every {@code every} until interrupted or the server closes the connection. */
    private static Thread drip(OutputStream out, int bytes, Duration every) {
        Thread dripper = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    out.write(new byte[bytes]);
                    out.flush();
                    Thread.sleep(every.toMillis());
                }
            } catch (IOException | InterruptedException closed) {
                // the server cut it off, or the test is done
            }
        });
        dripper.setDaemon(true);
        dripper.start();
        return dripper;
    }

    private static SSLSocket open() throws IOException {
        SSLSocket socket = (SSLSocket) TestHttps.trusting(TestHttps.developmentCertificate(server.dataDir()))
                .getSocketFactory()
                .createSocket(InetAddress.getByName("127.0.0.1"), server.port());
        socket.setSoTimeout(60_000);
        return socket;
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                answer.write(buffer, 0, n);
            }
        } catch (IOException reset) {
            if (answer.size() == 0) {
                throw reset;
            }
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static String send(String head, String body) {
        return TestHttps.sendFrom("127.0.0.1", server.dataDir(), server.port(), head, body);
    }

    private static double counted(String name, String... tags) {
        return server.bean(MeterRegistry.class).find(name).tags(tags).counters().stream()
                .mapToDouble(counter -> counter.count())
                .sum();
    }
}
