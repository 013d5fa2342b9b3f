package io.selvedge.testing;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate "issued for" localhost, as an operator would configure one in production: PEM files
 * of a self-signed ECDSA P-256 certificate without the marker of the generated development ones.
 */
public record TestCertificate(Path certificate, Path privateKey) {

    public static TestCertificate forLocalhostUnder(Path directory) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=localhost, O=Selvedge test operator");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    BigInteger.valueOf(now.toEpochMilli()),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(Duration.ofDays(1))),
                    subject,
                    keys.getPublic());
            builder.addExtension(
                    Extension.subjectAlternativeName,
                    false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
            X509CertificateHolder signed =
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
            Files.createDirectories(directory);
            TestCertificate files =
                    new TestCertificate(directory.resolve("certificate.pem"), directory.resolve("private-key.pem"));
            Files.writeString(files.certificate(), pem(signed), StandardCharsets.US_ASCII);
            Files.writeString(
                    files.privateKey(),
                    pem(new JcaPKCS8Generator(keys.getPrivate(), null).generate()),
                    StandardCharsets.US_ASCII);
            return files;
        } catch (IOException | GeneralSecurityException | OperatorException e) {
            throw new IllegalStateException("Cannot make a test certificate", e);
        }
    }

    private static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
