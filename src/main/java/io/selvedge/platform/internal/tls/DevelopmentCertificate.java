package io.selvedge.platform.internal.tls;

import io.selvedge.platform.OwnerOnlyFiles;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The self-signed certificate a non-production node makes on its first start (ECDSA P-256, SAN
 * {@code localhost} and {@code 127.0.0.1}, valid one year), kept under the data directory and reused.
 * Its subject carries a marker so that production can recognise and refuse it.
 */
final class DevelopmentCertificate {

    static final String MARKER = "Selvedge generated development certificate";

    private static final Duration VALIDITY = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofDays(7);

    private DevelopmentCertificate() {}

    static boolean isGenerated(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName().contains(MARKER);
    }

    /** The certificate and key files under {@code tlsDirectory}, made or renewed when needed. */
    static CertificateFiles ensureUnder(Path tlsDirectory) {
        CertificateFiles files = new CertificateFiles(
                tlsDirectory.resolve("development-certificate.pem"),
                tlsDirectory.resolve("development-private-key.pem"));
        if (!stillGood(files)) {
            generate(files);
        }
        return files;
    }

    private static boolean stillGood(CertificateFiles files) {
        if (!Files.isRegularFile(files.certificate()) || !Files.isRegularFile(files.privateKey())) {
            return false;
        }
        List<X509Certificate> chain = ServerCertificateLoader.readPem(files).certificates();
        Instant renewAt = chain.get(0).getNotAfter().toInstant().minus(RENEW_BEFORE_EXPIRY);
        return Instant.now().isBefore(renewAt);
    }

    private static void generate(CertificateFiles files) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair keyPair = generator.generateKeyPair();
            X509Certificate certificate = selfSign(keyPair);
            Files.createDirectories(files.certificate().getParent());
            // PKCS#8, which names the curve: a bare SEC1 key loses it and TLS clients then refuse the signature.
            OwnerOnlyFiles.write(files.privateKey(), pem(new JcaPKCS8Generator(keyPair.getPrivate(), null)));
            Files.writeString(files.certificate(), pem(certificate), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot generate the development certificate", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the development certificate", e);
        }
    }

    private static X509Certificate selfSign(KeyPair keyPair)
            throws CertIOException, OperatorCreationException, GeneralSecurityException {
        X500Name subject = new X500Name("CN=localhost, OU=" + MARKER + ", O=Selvedge");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                subject,
                new BigInteger(127, new SecureRandom()),
                Date.from(now.minus(Duration.ofMinutes(5))),
                Date.from(now.plus(VALIDITY)),
                subject,
                keyPair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")
        }));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        var signer = new JcaContentSignerBuilder("SHA256withECDSA").build(keyPair.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }

    private static String pem(Object object) throws IOException {
        if (object instanceof JcaPKCS8Generator generator) {
            object = generator.generate();
        }
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }
}
