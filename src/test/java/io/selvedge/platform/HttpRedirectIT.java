package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.ListeningPorts;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.TlsProbe;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The optional plain-HTTP port only redirects to the public HTTPS address, whatever the request
 * carries; without the setting, no plain port exists at all.
 */
@Tag("store-independent")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpRedirectIT {

    static final String PUBLIC_URL = "https://selvedge.example.com";
    static final Pattern LOCATION = Pattern.compile("(?im)^Location:(.*)$");

    /** platform.internal.tls.HttpRedirectListener.MAX_CONNECTIONS. */
    static final int CONNECTION_CAP = 32;

    int redirectPort;
    TestServer node;
    Set<Integer> portsTheNodeOpened;

    @BeforeAll
    void aNodeWithARedirectPort() {
        redirectPort = aFreePort();
        Set<Integer> before = listeningPorts();
        node = TestServer.startAsAnOperator(
                "test",
                TestServer.newDataDirectory("http-redirect"),
                Map.of("selvedge.http-redirect-port", String.valueOf(redirectPort), "selvedge.public-url", PUBLIC_URL));
        portsTheNodeOpened = newSince(before);
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void aRequestWithCredentialsIsRedirectedToTheSamePathAndQueryOnHttps() {
        HttpResponse<String> response = TestHttps.send(
                plainHttpClient(),
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + redirectPort + "/workrooms/42/styles?season=SS26&page=2"))
                        .header("Authorization", "Basic YWRhOmNvcnJlY3QtaG9yc2UtYmF0dGVyeQ==")
                        .header("Cookie", "SELVEDGE_SESSION=3f1c9a")
                        .GET()
                        .build());

        assertThat(response.statusCode()).isEqualTo(308);
        assertThat(response.headers().firstValue("Location"))
                .hasValue(PUBLIC_URL + "/workrooms/42/styles?season=SS26&page=2");
        assertThat(response.body()).isEmpty();
        assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    }

    @Test
    void aRequestTargetThatIsNotAPathCannotSteerTheRedirectToAnotherHost() throws IOException {
        for (String target : List.of("@evil.example/", ".evil.example/", "//evil.example/", "http://evil.example/x")) {
            String answer = rawAnswer("GET " + target + " HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");

            Matcher location = LOCATION.matcher(answer);
            if (location.find()) {
                assertThat(URI.create(location.group(1).trim()).getHost())
                        .as("redirect for %s", target)
                        .isEqualTo("selvedge.example.com");
            }
        }
    }

    @Test
    void twoClientsThatSendNothingCannotHoldThePortFromAThird() throws IOException {
        try (Socket silent = new Socket("localhost", redirectPort);
                Socket alsoSilent = new Socket("localhost", redirectPort)) {
            HttpResponse<String> response = TestHttps.send(
                    plainHttpClient(),
                    HttpRequest.newBuilder(URI.create("http://localhost:" + redirectPort + "/styles"))
                            .timeout(Duration.ofSeconds(4))
                            .GET()
                            .build());

            assertThat(response.statusCode()).isEqualTo(308);
            assertThat(response.headers().firstValue("Location")).hasValue(PUBLIC_URL + "/styles");
        }
    }

    @Test
    void aClientThatSendsNothingIsClosedAfterTheReadTimeout() throws IOException {
        try (Socket silent = new Socket("localhost", redirectPort)) {
            silent.setSoTimeout(30_000);
            long started = System.nanoTime();

            assertThat(silent.getInputStream().read()).isEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aClientThatDripsItsRequestIsClosedAtTheDeadline() throws Exception {
        try (Socket dripping = new Socket("localhost", redirectPort)) {
            dripping.setSoTimeout(30_000);
            OutputStream out = dripping.getOutputStream();
            out.write("GET / HTTP/1.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
            long started = System.nanoTime();
            boolean closed = false;
            // One byte every two seconds: never silent for the read timeout, but never done either.
            while (!closed
                    && System.nanoTime() - started < Duration.ofSeconds(25).toNanos()) {
                Thread.sleep(2_000);
                try {
                    out.write('a');
                    out.flush();
                } catch (IOException reset) {
                    closed = true;
                }
                closed = closed || closedByServer(dripping);
            }

            assertThat(closed).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
        }
    }

    @Test
    void pastTheConnectionCapANewConnectionIsClosedAtOnceAndTheCapFreesAgain() throws IOException {
        List<Socket> held = new ArrayList<>();
        try {
            for (int i = 0; i < CONNECTION_CAP; i++) {
                held.add(new Socket("localhost", redirectPort));
            }
            try (Socket oneTooMany = new Socket("localhost", redirectPort)) {
                oneTooMany.setSoTimeout(3_000);

                assertThat(oneTooMany.getInputStream().read()).isEqualTo(-1);
            }
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        String answer = rawAnswer("GET /after HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 308");
    }

    /** Whether the server has closed the socket: a read that ends the stream rather than waiting. */
    private static boolean closedByServer(Socket socket) throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(50);
        try {
            return socket.getInputStream().read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    @Test
    void theRedirectPortIsTheOnlyPlainPortTheNodeOpens() {
        assertThat(portsTheNodeOpened).containsExactlyInAnyOrder(node.port(), node.managementPort(), redirectPort);
        assertEverySpeaksTls(portsTheNodeOpened, node, redirectPort);
    }

    @Test
    void withoutTheSettingNoPlainPortIsOpen() {
        Set<Integer> before = listeningPorts();
        try (TestServer plain =
                TestServer.startAsAnOperator("test", TestServer.newDataDirectory("no-redirect"), Map.of())) {
            Set<Integer> opened = newSince(before);

            assertThat(opened).containsExactlyInAnyOrder(plain.port(), plain.managementPort());
            assertEverySpeaksTls(opened, plain, -1);
        }
    }

    private static void assertEverySpeaksTls(Set<Integer> ports, TestServer owner, int except) {
        X509Certificate certificate = TestHttps.readCertificate(TestHttps.developmentCertificate(owner.dataDir()));
        for (int port : ports) {
            if (port != except) {
                X509Certificate presented = TlsProbe.certificatePresentedAt(port, certificate);
                assertThat(presented.getSubjectX500Principal().getName()).contains("localhost");
            }
        }
    }

    private String rawAnswer(String request) throws IOException {
        try (Socket socket = new Socket("localhost", redirectPort)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private static Set<Integer> listeningPorts() {
        return ListeningPorts.numbersOf(ListeningPorts.ofThisProcess());
    }

    private static Set<Integer> newSince(Set<Integer> before) {
        Set<Integer> now = new HashSet<>(listeningPorts());
        now.removeAll(before);
        return now;
    }

    private static HttpClient plainHttpClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static int aFreePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
