package io.selvedge.platform.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.TestHttps;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate a developer's node makes for itself on its first start. */
class DevelopmentCertificateTest {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @TempDir
    Path dataDir;

    @Test
    void itIsAnEcdsaP256CertificateForLocalhost() throws Exception {
        CertificateFiles files = DevelopmentCertificate.ensureUnder(dataDir.resolve("tls"));
        var certificate = TestHttps.readCertificate(files.certificate());

        assertThat(certificate.getPublicKey()).isInstanceOf(ECPublicKey.class);
        ECParameterSpec curve = ((ECPublicKey) certificate.getPublicKey()).getParams();
        ECParameterSpec p256 = nistP256();
        assertThat(curve.getCurve()).isEqualTo(p256.getCurve());
        assertThat(curve.getOrder()).isEqualTo(p256.getOrder());
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(DNS_NAME, "localhost"), List.of(IP_ADDRESS, "127.0.0.1"));
        assertThat(DevelopmentCertificate.isGenerated(certificate)).isTrue();
    }

    @Test
    void itIsValidFromNowForAboutAYear() {
        Instant now = Instant.now();
        CertificateFiles files = DevelopmentCertificate.ensureUnder(dataDir.resolve("tls"));
        var certificate = TestHttps.readCertificate(files.certificate());

        assertThat(certificate.getNotBefore().toInstant()).isBeforeOrEqualTo(now);
        assertThat(certificate.getNotAfter().toInstant())
                .isBetween(now.plus(Duration.ofDays(364)), now.plus(Duration.ofDays(366)));
    }

    @Test
    void onlyTheOwnerMayReadItsPrivateKey() throws Exception {
        Assumptions.assumeTrue(
                FileSystems.getDefault().supportedFileAttributeViews().contains("posix"),
                "file permissions are checked on POSIX file systems only");

        CertificateFiles files = DevelopmentCertificate.ensureUnder(dataDir.resolve("tls"));

        assertThat(Files.getPosixFilePermissions(files.privateKey()))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theSecondStartReusesTheFirstCertificate() throws Exception {
        CertificateFiles first = DevelopmentCertificate.ensureUnder(dataDir.resolve("tls"));
        var made = TestHttps.readCertificate(first.certificate());
        String key = Files.readString(first.privateKey());

        CertificateFiles second = DevelopmentCertificate.ensureUnder(dataDir.resolve("tls"));

        assertThat(second).isEqualTo(first);
        assertThat(TestHttps.readCertificate(second.certificate()).getSerialNumber())
                .isEqualTo(made.getSerialNumber());
        assertThat(Files.readString(second.privateKey())).isEqualTo(key);
    }

    private static ECParameterSpec nistP256() throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }
}
