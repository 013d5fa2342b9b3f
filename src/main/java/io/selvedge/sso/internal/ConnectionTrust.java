package io.selvedge.sso.internal;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * The TLS trust of one connection: the JDK's certificate authorities, plus the certificates the group's
 * admin gave ({@code caCertificatePem}) for an identity provider or directory behind an internal CA.
 * Host names are always checked.
 */
public final class ConnectionTrust {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ConnectionTrust() {}

    /**
     * The certificates of a PEM text (one or a chain).
     *
     * @throws IllegalArgumentException if the text holds no certificate or a broken one
     */
    public static List<X509Certificate> certificates(String pem) {
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)));
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : read) {
                certificates.add((X509Certificate) certificate);
            }
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("caCertificatePem holds no certificate.");
            }
            return certificates;
        } catch (CertificateException | ClassCastException e) {
            throw new IllegalArgumentException("caCertificatePem is not a PEM certificate (or chain).");
        }
    }

    /** A TLS context trusting the JDK's authorities and the given certificates (none: the JDK's alone). */
    public static SSLContext sslContext(@Nullable String caCertificatePem) {
        try {
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            X509TrustManager jdkTrust = x509(jdk.getTrustManagers());
            SSLContext context = SSLContext.getInstance("TLS");
            if (caCertificatePem == null || caCertificatePem.isBlank()) {
                context.init(null, new TrustManager[] {jdkTrust}, null);
                return context;
            }
            KeyStore own = KeyStore.getInstance(KeyStore.getDefaultType());
            own.load(null, null);
            int n = 0;
            for (X509Certificate certificate : certificates(caCertificatePem)) {
                own.setCertificateEntry("ca-" + n++, certificate);
            }
            TrustManagerFactory given = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            given.init(own);
            X509TrustManager givenTrust = x509(given.getTrustManagers());
            context.init(null, new TrustManager[] {new EitherTrust(jdkTrust, givenTrust)}, null);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("The TLS trust of the connection could not be built", e);
        }
    }

    /** An HTTP client for the connection's identity provider: its trust, no redirects to other hosts. */
    public static HttpClient httpClient(@Nullable String caCertificatePem) {
        return HttpClient.newBuilder()
                .sslContext(sslContext(caCertificatePem))
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A request factory for Spring's REST clients over {@link #httpClient}. */
    public static JdkClientHttpRequestFactory requestFactory(@Nullable String caCertificatePem) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient(caCertificatePem));
        factory.setReadTimeout(TIMEOUT);
        return factory;
    }

    private static X509TrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("No X.509 trust manager");
    }

    /** Trusts a chain either trust manager trusts. */
    private record EitherTrust(X509TrustManager first, X509TrustManager second) implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Client certificates are not checked here");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                first.checkServerTrusted(chain, authType);
            } catch (CertificateException notByTheJdk) {
                second.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            X509Certificate[] a = first.getAcceptedIssuers();
            X509Certificate[] b = second.getAcceptedIssuers();
            X509Certificate[] both = java.util.Arrays.copyOf(a, a.length + b.length);
            System.arraycopy(b, 0, both, a.length, b.length);
            return both;
        }
    }
}
