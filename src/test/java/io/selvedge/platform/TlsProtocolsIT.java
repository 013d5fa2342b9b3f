package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.selvedge.testing.ListeningPorts;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestCertificates;
import io.selvedge.testing.TestCertificates.IssuedCertificate;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.TlsProbe;
import io.selvedge.testing.TlsProbe.Handshake;
import io.selvedge.testing.TlsProbe.Offer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Cipher;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The server speaks TLS 1.3 and 1.2 with forward-secret AEAD suites and nothing else, on both ports.
 * Refusals are shown to come from the server: the test JVM's client may offer the old protocols
 * (legacy-tls-client.security), and each refusal is the server's alert, not a client-side check.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class TlsProtocolsIT {

    static final String AEAD = ".*_(GCM_SHA256|GCM_SHA384|CHACHA20_POLY1305_SHA256)";

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Autowired
    PlatformProperties platform;

    @Test
    void aTls13ClientConnectsWithAnAeadSuite() throws IOException {
        Handshake handshake = TlsProbe.handshake(port, aClientTrustingTheServer(), only("TLSv1.3"), null, offer -> {});

        assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
        assertThat(handshake.cipherSuite()).matches(AEAD);
    }

    @Test
    void aTls12ClientConnectsWithAForwardSecretAeadSuite() throws IOException {
        Handshake handshake = TlsProbe.handshake(port, aClientTrustingTheServer(), only("TLSv1.2"), null, offer -> {});

        assertThat(handshake.protocol()).isEqualTo("TLSv1.2");
        assertThat(handshake.cipherSuite()).startsWith("TLS_ECDHE_").matches(AEAD);
    }

    @Test
    void theServersRecordsAreSealedByAwsLcWhereItsLibraryLoads() throws Exception {
        // crypto.internal.CryptoProviderSelection ran before the server started: JSSE takes its AES-GCM
        // from the first provider that has it. CI runs on Linux x86_64, where ACCP must be in place.
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        assumeThat(System.getProperty("os.arch")).isIn("amd64", "aarch64");

        assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
                .isEqualTo("AmazonCorrettoCryptoProvider");
        assertThat(TlsProbe.handshake(port, aClientTrustingTheServer(), only("TLSv1.3"), null, offer -> {})
                        .cipherSuite())
                .matches(AEAD);
    }

    @Test
    void theServerChoosesItsStrongestSuiteWhateverOrderATls12ClientOffers() throws IOException {
        String[] weakerFirst = {
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
        };
        AtomicReference<Offer> offered = new AtomicReference<>();

        Handshake handshake =
                TlsProbe.handshake(port, aClientTrustingTheServer(), only("TLSv1.2"), weakerFirst, offered::set);

        assertThat(offered.get().cipherSuites()).containsExactly(weakerFirst);
        assertThat(handshake.cipherSuite()).isEqualTo("TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
    }

    @Test
    void theServerChoosesItsStrongestSuiteWhateverOrderATls13ClientOffers() throws IOException {
        String[] weakerFirst = {"TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256", "TLS_AES_256_GCM_SHA384"};
        AtomicReference<Offer> offered = new AtomicReference<>();

        Handshake handshake =
                TlsProbe.handshake(port, aClientTrustingTheServer(), only("TLSv1.3"), weakerFirst, offered::set);

        assertThat(offered.get().cipherSuites()).containsExactly(weakerFirst);
        assertThat(handshake.cipherSuite()).isEqualTo("TLS_AES_256_GCM_SHA384");
    }

    @Test
    void aClientOfferingOnlyTls11IsRefusedByTheServer() {
        assertTheServerRefuses(port, only("TLSv1.1"), null, "protocol_version");
    }

    @Test
    void aClientOfferingOnlyTls10IsRefusedByTheServer() {
        assertTheServerRefuses(port, only("TLSv1"), null, "protocol_version");
    }

    @Test
    void aTls12ClientOfferingOnlyCbcSuitesIsRefused() {
        assertTheServerRefuses(
                port,
                only("TLSv1.2"),
                new String[] {
                    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256",
                    "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384",
                    "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"
                },
                "handshake_failure");
    }

    @Test
    void plainHttpOnTheHttpsPortGetsNoContent() throws IOException {
        String answer = answerToPlainHttp(port, "GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n");

        assertThat(answer).doesNotStartWith("HTTP/1.1 2").doesNotContain("\"status\"");
        // The same request over TLS does get the content, so the check above could fail.
        assertThat(TestHttps.get(
                                TestHttps.client(platform.dataDir()),
                                URI.create("https://localhost:" + port + "/healthz"))
                        .body())
                .contains("\"status\"");
    }

    @Test
    void theManagementPortSpeaksOnlyModernTls() throws IOException {
        Handshake handshake =
                TlsProbe.handshake(managementPort, aClientTrustingTheServer(), only("TLSv1.3"), null, offer -> {});

        assertThat(handshake.protocol()).isEqualTo("TLSv1.3");
        assertTheServerRefuses(managementPort, only("TLSv1.1"), null, "protocol_version");
        assertThat(answerToPlainHttp(managementPort, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n"))
                .doesNotStartWith("HTTP/1.1 2")
                .doesNotContain("\"status\"");
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() {
        assertThat(ListeningPorts.boundAddressOf(managementPort))
                .hasValue(InetAddress.getLoopbackAddress())
                .hasValueSatisfying(
                        address -> assertThat(address.getHostAddress()).isEqualTo("127.0.0.1"));
    }

    /** Static RSA and RSA-signed CBC suites need an RSA certificate to be possible at all. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithAnRsaCertificate {

        IssuedCertificate certificate;
        TestServer node;

        @BeforeAll
        void start() {
            Path dataDir = TestServer.newDataDirectory("rsa-certificate");
            certificate = TestCertificates.anRsaCertificateFor("selvedge.example");
            certificate.writePem(dataDir.resolve("certificate.pem"), dataDir.resolve("private-key.pem"));
            node = TestServer.startAsAnOperator(
                    "test",
                    dataDir,
                    Map.of(
                            "selvedge.tls.certificate",
                                    dataDir.resolve("certificate.pem").toString(),
                            "selvedge.tls.private-key",
                                    dataDir.resolve("private-key.pem").toString()));
        }

        @AfterAll
        void stop() {
            if (node != null) {
                node.close();
            }
        }

        @Test
        void aTls12ClientWithAForwardSecretAeadSuiteConnects() throws IOException {
            Handshake handshake = TlsProbe.handshake(
                    node.port(),
                    TestHttps.trusting(certificate.certificate()),
                    only("TLSv1.2"),
                    only("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"),
                    offer -> {});

            assertThat(handshake.cipherSuite()).isEqualTo("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
            assertThat(handshake.serverCertificate()).isEqualTo(certificate.certificate());
        }

        @Test
        void aClientOfferingOnlyStaticRsaKeyExchangeIsRefused() {
            assertTheServerRefuses(
                    node.port(),
                    TestHttps.trusting(certificate.certificate()),
                    only("TLSv1.2"),
                    new String[] {"TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384"},
                    "handshake_failure");
        }

        @Test
        void aTls12ClientOfferingOnlyCbcSuitesIsRefused() {
            assertTheServerRefuses(
                    node.port(),
                    TestHttps.trusting(certificate.certificate()),
                    only("TLSv1.2"),
                    new String[] {
                        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256",
                        "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384",
                        "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"
                    },
                    "handshake_failure");
        }
    }

    private SSLContext aClientTrustingTheServer() {
        return TestHttps.trusting(TestHttps.developmentCertificate(platform.dataDir()));
    }

    private void assertTheServerRefuses(int serverPort, String[] protocols, String[] cipherSuites, String alert) {
        assertTheServerRefuses(serverPort, aClientTrustingTheServer(), protocols, cipherSuites, alert);
    }

    /** The handshake fails with the server's alert, after the client really offered what it was told to. */
    private static void assertTheServerRefuses(
            int serverPort, SSLContext client, String[] protocols, String[] cipherSuites, String alert) {
        AtomicReference<Offer> offered = new AtomicReference<>();

        assertThatThrownBy(() -> TlsProbe.handshake(serverPort, client, protocols, cipherSuites, offered::set))
                .isInstanceOf(SSLHandshakeException.class)
                .hasMessageContaining("Received fatal alert: " + alert);
        assertThat(offered.get().protocols()).containsExactly(protocols);
        if (cipherSuites != null) {
            assertThat(offered.get().cipherSuites()).containsExactly(cipherSuites);
        }
    }

    /** Writes a plain-text request to a TLS port and reads whatever comes back until the port closes. */
    private static String answerToPlainHttp(int serverPort, String request) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try (Socket socket = new Socket("localhost", serverPort)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            try {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    answer.write(buffer, 0, read);
                }
            } catch (SocketTimeoutException | SocketException silentOrReset) {
                // a server that goes quiet or resets the connection served nothing more; what came is checked
            }
        }
        return answer.toString(StandardCharsets.ISO_8859_1);
    }

    private static String[] only(String... values) {
        return values;
    }
}
