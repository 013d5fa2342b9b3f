package io.selvedge.platform.internal.tls;

import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.StartupRefusedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslStoreBundle;
import org.springframework.boot.ssl.pem.PemContent;
import org.springframework.boot.ssl.pem.PemSslStore;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;

/**
 * Reads the server's certificate from where the configuration says, and decides whether this node
 * may use it: production needs a configured certificate and refuses a generated one.
 */
@RequiredArgsConstructor
final class ServerCertificateLoader {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PlatformProperties properties;

    /** The files whose change means the certificate was renewed. */
    List<Path> watchedFiles() {
        PlatformProperties.Tls tls = properties.tls();
        if (tls.hasKeystore()) {
            return List.of(tls.keystore());
        }
        CertificateFiles files = pemFiles();
        return List.of(files.certificate(), files.privateKey());
    }

    SslBundle load() {
        PlatformProperties.Tls tls = properties.tls();
        KeyStore keyStore;
        String password;
        if (tls.hasKeystore()) {
            password = tls.keystorePassword() == null ? "" : tls.keystorePassword();
            keyStore = readPkcs12(tls.keystore(), password);
        } else {
            CertificateFiles files = pemFiles();
            PemSslStore pem = readPem(files);
            refuseGeneratedInProduction(pem.certificates().get(0));
            refuseKeyOfAnotherCertificate(pem.privateKey(), pem.certificates().get(0), files.privateKey());
            return SslBundle.of(new PemSslStoreBundle(pem, null), null, TlsPolicy.OPTIONS);
        }
        String alias = serverKeyAlias(keyStore);
        X509Certificate certificate = certificateOf(keyStore, alias);
        refuseGeneratedInProduction(certificate);
        refuseKeyOfAnotherCertificate(keyOf(keyStore, alias, password), certificate, tls.keystore());
        return SslBundle.of(SslStoreBundle.of(keyStore, password, null), null, TlsPolicy.OPTIONS);
    }

    private CertificateFiles pemFiles() {
        PlatformProperties.Tls tls = properties.tls();
        if (tls.hasPemCertificate()) {
            if (tls.privateKey() == null) {
                throw new StartupRefusedException(
                        "a certificate is configured but no private key",
                        "Set SELVEDGE_TLS_PRIVATE_KEY to the PEM file of the certificate's private key.");
            }
            return new CertificateFiles(tls.certificate(), tls.privateKey());
        }
        if (properties.environment().isProduction()) {
            throw new StartupRefusedException(
                    "production needs a configured TLS certificate, and none is configured",
                    "Set SELVEDGE_TLS_CERTIFICATE and SELVEDGE_TLS_PRIVATE_KEY (PEM files), "
                            + "or SELVEDGE_TLS_KEYSTORE and SELVEDGE_TLS_KEYSTORE_PASSWORD (PKCS#12).");
        }
        return DevelopmentCertificate.ensureUnder(properties.dataDir().resolve("tls"));
    }

    private void refuseGeneratedInProduction(X509Certificate certificate) {
        if (properties.environment().isProduction() && DevelopmentCertificate.isGenerated(certificate)) {
            throw new StartupRefusedException(
                    "the configured certificate is a generated development certificate, which production refuses",
                    "Configure a certificate issued for this installation's host name.");
        }
    }

    static PemSslStore readPem(CertificateFiles files) {
        try {
            List<X509Certificate> chain = PemContent.load(files.certificate()).getCertificates();
            var privateKey = PemContent.load(files.privateKey()).getPrivateKey();
            if (chain == null || chain.isEmpty() || privateKey == null) {
                throw new StartupRefusedException(
                        "the certificate file " + files.certificate()
                                + " or its key file holds no PEM certificate or key",
                        "Point SELVEDGE_TLS_CERTIFICATE and SELVEDGE_TLS_PRIVATE_KEY at PEM files.");
            }
            return PemSslStore.of(chain, privateKey);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the certificate " + files.certificate(), e);
        }
    }

    private static KeyStore readPkcs12(Path file, String password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(in, password.toCharArray());
            return keyStore;
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupRefusedException(
                    "the key store " + file + " cannot be read (" + e.getClass().getSimpleName() + ")",
                    "Check SELVEDGE_TLS_KEYSTORE and SELVEDGE_TLS_KEYSTORE_PASSWORD.");
        }
    }

    private static String serverKeyAlias(KeyStore keyStore) {
        try {
            for (String alias : Collections.list(keyStore.aliases())) {
                if (keyStore.isKeyEntry(alias) && keyStore.getCertificate(alias) instanceof X509Certificate) {
                    return alias;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key store's entries", e);
        }
        throw new StartupRefusedException(
                "the configured key store holds no private key with a certificate",
                "Put the server's key and certificate chain into the PKCS#12 file.");
    }

    private static X509Certificate certificateOf(KeyStore keyStore, String alias) {
        try {
            return (X509Certificate) keyStore.getCertificate(alias);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the key store's certificate", e);
        }
    }

    private static PrivateKey keyOf(KeyStore keyStore, String alias, String password) {
        try {
            return (PrivateKey) keyStore.getKey(alias, password.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new StartupRefusedException(
                    "the private key in the configured key store cannot be read ("
                            + e.getClass().getSimpleName() + ")",
                    "Protect the key entry with the key store's password (SELVEDGE_TLS_KEYSTORE_PASSWORD).");
        }
    }

    /**
     * A key that does not belong to the certificate would let the server start (or a renewal load) and
     * then fail every handshake; a signature made with the key must verify with the certificate.
     */
    private static void refuseKeyOfAnotherCertificate(PrivateKey key, X509Certificate certificate, Path keyFile) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return; // a key type TLS servers do not use; the handshake itself will tell
        }
        try {
            byte[] challenge = new byte[32];
            RANDOM.nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException differentKeyType) {
            // e.g. an RSA key beside an EC certificate: not the certificate's key either
        }
        throw new StartupRefusedException(
                "the private key " + keyFile + " does not belong to the certificate for "
                        + certificate.getSubjectX500Principal().getName(),
                "Configure the private key that was issued together with the certificate.");
    }
}
