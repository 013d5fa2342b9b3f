package io.selvedge.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates an operator could bring: self-signed, for {@code localhost} and the given name, made
 * fresh for each test so that each one can be told apart by its serial number.
 */
public final class TestCertificates {

    private TestCertificates() {}

    /** A certificate and its private key. */
    public record IssuedCertificate(X509Certificate certificate, KeyPair keyPair) {

        public BigInteger serial() {
            return certificate.getSerialNumber();
        }

        /** This certificate beside another pair's private key, as a botched renewal would leave it. */
        public IssuedCertificate withTheKeyOf(IssuedCertificate other) {
            return new IssuedCertificate(certificate, other.keyPair());
        }

        /** Writes the certificate and the PKCS#8 key as PEM, as an ACME client or a CA bundle would. */
        public void writePem(Path certificateFile, Path privateKeyFile) {
            try {
                Files.writeString(certificateFile, pem(certificate), StandardCharsets.US_ASCII);
                Files.writeString(
                        privateKeyFile,
                        pem(new JcaPKCS8Generator(keyPair.getPrivate(), null).generate()),
                        StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public Path writeCertificatePem(Path file) {
            return writeText(file, pemOf(certificate));
        }

        public Path writePrivateKeyPem(Path file) {
            try {
                return writeText(file, pem(new JcaPKCS8Generator(keyPair.getPrivate(), null).generate()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** A server-side SSL context presenting this certificate (an SMTP server's, say). */
        public SSLContext serverContext() {
            try {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("server", keyPair.getPrivate(), new char[0], new Certificate[] {certificate});
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(keys, new char[0]);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(factory.getKeyManagers(), null, null);
                return context;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        public void writePkcs12(Path file, String password) {
            try (OutputStream out = Files.newOutputStream(file)) {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry(
                        "server", keyPair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
                keyStore.store(out, password.toCharArray());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** An EC certificate for {@code localhost} and {@code 127.0.0.1}, named by its common name. */
    public static IssuedCertificate forLocalhost(String commonName) {
        return anEcCertificateFor(commonName);
    }

    public static IssuedCertificate anEcCertificateFor(String hostName) {
        return issue(hostName, ecKeyPair(), "SHA256withECDSA", Duration.ofDays(90));
    }

    /** An EC certificate for {@code localhost} that expires {@code validFor} from now. */
    public static IssuedCertificate expiringIn(String hostName, Duration validFor) {
        return issue(hostName, ecKeyPair(), "SHA256withECDSA", validFor);
    }

    public static IssuedCertificate anRsaCertificateFor(String hostName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return issue(hostName, generator.generateKeyPair(), "SHA256withRSA", Duration.ofDays(90));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair ecKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IssuedCertificate issue(
            String hostName, KeyPair keyPair, String signatureAlgorithm, Duration validFor) {
        try {
            X500Name subject = new X500Name("CN=" + hostName + ", O=Selvedge test operator");
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    subject,
                    new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(validFor)),
                    subject,
                    keyPair.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, hostName),
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
            var signer = new JcaContentSignerBuilder(signatureAlgorithm).build(keyPair.getPrivate());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer));
            return new IssuedCertificate(certificate, keyPair);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot issue a test certificate for " + hostName, e);
        }
    }

    private static String pemOf(Object object) {
        try {
            return pem(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.US_ASCII);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
