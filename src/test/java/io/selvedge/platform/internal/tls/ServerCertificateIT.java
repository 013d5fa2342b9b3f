package io.selvedge.platform.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.selvedge.platform.StartupRefusedException;
import io.selvedge.testing.TestCertificates;
import io.selvedge.testing.TestCertificates.IssuedCertificate;
import io.selvedge.testing.TestServer;
import io.selvedge.testing.TlsProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.pem.PemSslStore;

/**
 * Where a production node's certificate comes from: configured PEM files or a PKCS#12 key store, never
 * nothing and never a generated development certificate; a renewed certificate is served without a
 * restart. Each case starts a node of its own, as an operator would.
 */
@Tag("store-independent")
class ServerCertificateIT {

    static final String PRODUCTION = "production";

    @Test
    void productionWithoutACertificateRefusesToStartAndSaysWhatIsMissing() {
        Path dataDir = TestServer.newDataDirectory("production-without-certificate");

        assertThatThrownBy(() -> TestServer.startAsAnOperator(PRODUCTION, dataDir, Map.of()))
                .rootCause()
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("production needs a configured TLS certificate")
                .satisfies(refusal -> assertThat(((StartupRefusedException) refusal).action())
                        .contains("SELVEDGE_TLS_CERTIFICATE", "SELVEDGE_TLS_PRIVATE_KEY", "SELVEDGE_TLS_KEYSTORE"));
        assertThat(dataDir.resolve("tls")).as("no certificate generated").doesNotExist();
    }

    @Test
    void productionRefusesTheGeneratedDevelopmentCertificateAsPemFiles() {
        CertificateFiles generated = aDevelopmentCertificate();

        assertThatThrownBy(() -> TestServer.startAsAnOperator(
                        PRODUCTION,
                        TestServer.newDataDirectory("production-with-development-pem"),
                        pemSettings(generated.certificate(), generated.privateKey())))
                .rootCause()
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("generated development certificate");
    }

    @Test
    void productionRefusesTheGeneratedDevelopmentCertificateInAKeyStore() throws Exception {
        Path dataDir = TestServer.newDataDirectory("production-with-development-keystore");
        PemSslStore generated = ServerCertificateLoader.readPem(aDevelopmentCertificate());
        Path keyStore = dataDir.resolve("development.p12");
        new IssuedCertificate(
                        generated.certificates().get(0),
                        new KeyPair(generated.certificates().get(0).getPublicKey(), generated.privateKey()))
                .writePkcs12(keyStore, "keystore-secret");

        assertThatThrownBy(() -> TestServer.startAsAnOperator(
                        PRODUCTION, dataDir, keyStoreSettings(keyStore, "keystore-secret")))
                .rootCause()
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("generated development certificate");
    }

    @Test
    void productionRefusesACertificateBesideAnotherCertificatesKey() {
        Path dataDir = TestServer.newDataDirectory("production-with-wrong-key");
        Path certificateFile = dataDir.resolve("selvedge.example.crt");
        Path keyFile = dataDir.resolve("selvedge.example.key");
        TestCertificates.anEcCertificateFor("selvedge.example")
                .withTheKeyOf(TestCertificates.anEcCertificateFor("selvedge.example"))
                .writePem(certificateFile, keyFile);

        assertThatThrownBy(
                        () -> TestServer.startAsAnOperator(PRODUCTION, dataDir, pemSettings(certificateFile, keyFile)))
                .rootCause()
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("does not belong to the certificate");
    }

    @Test
    void productionServesItsOwnPemCertificateAndARenewedOneWithoutARestart() {
        Path dataDir = TestServer.newDataDirectory("production-with-pem");
        Path certificateFile = dataDir.resolve("selvedge.example.crt");
        Path keyFile = dataDir.resolve("selvedge.example.key");
        IssuedCertificate original = TestCertificates.anEcCertificateFor("selvedge.example");
        original.writePem(certificateFile, keyFile);
        Map<String, String> settings = new HashMap<>(pemSettings(certificateFile, keyFile));
        settings.put("selvedge.tls.reload-quiet-period", "1s");

        try (TestServer node = TestServer.startAsAnOperator(PRODUCTION, dataDir, settings)) {
            assertThat(TlsProbe.certificatePresentedAt(node.port(), original.certificate()))
                    .isEqualTo(original.certificate());
            assertThat(TlsProbe.certificatePresentedAt(node.managementPort(), original.certificate()))
                    .isEqualTo(original.certificate());

            IssuedCertificate renewed = TestCertificates.anEcCertificateFor("selvedge.example");
            renewed.writePem(certificateFile, keyFile);

            X509Certificate[] either = {original.certificate(), renewed.certificate()};
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> {
                        assertThat(TlsProbe.certificatePresentedAt(node.port(), either))
                                .isEqualTo(renewed.certificate());
                        assertThat(TlsProbe.certificatePresentedAt(node.managementPort(), either))
                                .isEqualTo(renewed.certificate());
                    });
        }
    }

    @Test
    void aRenewedCertificateWithTheWrongKeyIsNotLoadedAndThePreviousOneKeepsServing() throws Exception {
        Path dataDir = TestServer.newDataDirectory("production-with-botched-renewal");
        Path certificateFile = dataDir.resolve("selvedge.example.crt");
        Path keyFile = dataDir.resolve("selvedge.example.key");
        IssuedCertificate original = TestCertificates.anEcCertificateFor("selvedge.example");
        original.writePem(certificateFile, keyFile);
        Map<String, String> settings = new HashMap<>(pemSettings(certificateFile, keyFile));
        settings.put("selvedge.tls.reload-quiet-period", "1s");

        try (TestServer node = TestServer.startAsAnOperator(PRODUCTION, dataDir, settings)) {
            IssuedCertificate renewed = TestCertificates.anEcCertificateFor("selvedge.example");
            IssuedCertificate unrelated = TestCertificates.anEcCertificateFor("selvedge.example");
            renewed.withTheKeyOf(unrelated).writePem(certificateFile, keyFile);

            // Longer than the quiet period and a check: had the pair been loaded, handshakes would now fail.
            X509Certificate[] any = {original.certificate(), renewed.certificate()};
            Instant until = Instant.now().plusSeconds(5);
            while (Instant.now().isBefore(until)) {
                assertThat(TlsProbe.certificatePresentedAt(node.port(), any)).isEqualTo(original.certificate());
                Thread.sleep(250);
            }

            renewed.writePem(certificateFile, keyFile);
            await().atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(TlsProbe.certificatePresentedAt(node.port(), any))
                            .isEqualTo(renewed.certificate()));
        }
    }

    @Test
    void productionServesItsOwnPkcs12KeyStore() {
        Path dataDir = TestServer.newDataDirectory("production-with-keystore");
        Path keyStore = dataDir.resolve("selvedge.example.p12");
        IssuedCertificate own = TestCertificates.anRsaCertificateFor("selvedge.example");
        own.writePkcs12(keyStore, "keystore-secret");

        try (TestServer node =
                TestServer.startAsAnOperator(PRODUCTION, dataDir, keyStoreSettings(keyStore, "keystore-secret"))) {
            assertThat(TlsProbe.certificatePresentedAt(node.port(), own.certificate()))
                    .isEqualTo(own.certificate());
            assertThat(TlsProbe.certificatePresentedAt(node.managementPort(), own.certificate()))
                    .isEqualTo(own.certificate());
        }
        assertThat(Files.exists(dataDir.resolve("tls")))
                .as("no certificate generated")
                .isFalse();
    }

    /** What a developer's machine made, copied over to a production configuration. */
    private static CertificateFiles aDevelopmentCertificate() {
        return DevelopmentCertificate.ensureUnder(
                TestServer.newDataDirectory("developer-machine").resolve("tls"));
    }

    private static Map<String, String> pemSettings(Path certificate, Path privateKey) {
        return Map.of(
                "selvedge.tls.certificate", certificate.toString(),
                "selvedge.tls.private-key", privateKey.toString());
    }

    private static Map<String, String> keyStoreSettings(Path keyStore, String password) {
        return Map.of("selvedge.tls.keystore", keyStore.toString(), "selvedge.tls.keystore-password", password);
    }
}
