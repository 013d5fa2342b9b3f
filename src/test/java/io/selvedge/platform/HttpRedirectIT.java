package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.ListeningPorts;
import io.selvedge.testing.RunningNode;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TlsProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
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

    int redirectPort;
    RunningNode node;
    Set<Integer> portsTheNodeOpened;

    @BeforeAll
    void aNodeWithARedirectPort() {
        redirectPort = aFreePort();
        Set<Integer> before = listeningPorts();
        node = RunningNode.start(
                "test",
                RunningNode.newDataDirectory("http-redirect"),
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
    void theRedirectPortIsTheOnlyPlainPortTheNodeOpens() {
        assertThat(portsTheNodeOpened).containsExactlyInAnyOrder(node.port(), node.managementPort(), redirectPort);
        assertEverySpeaksTls(portsTheNodeOpened, node, redirectPort);
    }

    @Test
    void withoutTheSettingNoPlainPortIsOpen() {
        Set<Integer> before = listeningPorts();
        try (RunningNode plain = RunningNode.start("test", RunningNode.newDataDirectory("no-redirect"), Map.of())) {
            Set<Integer> opened = newSince(before);

            assertThat(opened).containsExactlyInAnyOrder(plain.port(), plain.managementPort());
            assertEverySpeaksTls(opened, plain, -1);
        }
    }

    private static void assertEverySpeaksTls(Set<Integer> ports, RunningNode owner, int except) {
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
