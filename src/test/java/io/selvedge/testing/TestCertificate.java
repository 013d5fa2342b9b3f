package io.selvedge.testing;

import java.nio.file.Path;

/**
 * A certificate "issued for" localhost, as an operator would configure one in production: PEM files
 * of a self-signed ECDSA P-256 certificate without the marker of the generated development ones.
 */
public record TestCertificate(Path certificate, Path privateKey) {

    public static TestCertificate forLocalhostUnder(Path directory) {
        TestCertificates.IssuedCertificate issued = TestCertificates.forLocalhost("localhost");
        return new TestCertificate(
                issued.writeCertificatePem(directory.resolve("certificate.pem")),
                issued.writePrivateKeyPem(directory.resolve("private-key.pem")));
    }
}
