package io.selvedge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/** HTTPS clients for tests that trust exactly the installation's generated certificate. */
public final class TestHttps {

    private TestHttps() {}

    public static Path developmentCertificate(Path dataDir) {
        return dataDir.resolve("tls").resolve("development-certificate.pem");
    }

    /** An SSL context whose only trusted certificate is the one at {@code certificatePem}. */
    public static SSLContext trusting(Path certificatePem) {
        return trusting(readCertificate(certificatePem));
    }

    public static X509Certificate readCertificate(Path certificatePem) {
        try (InputStream in = Files.newInputStream(certificatePem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate " + certificatePem, e);
        }
    }

    /** An SSL context that trusts exactly {@code certificates}, with a session cache of its own. */
    public static SSLContext trusting(X509Certificate... certificates) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            for (int i = 0; i < certificates.length; i++) {
                trust.setCertificateEntry("server-" + i, certificates[i]);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot trust the given certificates", e);
        }
    }

    /** A client that keeps cookies (for the web pages) and follows no redirects. */
    public static HttpClient client(Path dataDir) {
        return HttpClient.newBuilder()
                .sslContext(trusting(developmentCertificate(dataDir)))
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static HttpResponse<String> get(HttpClient client, URI uri) {
        return send(client, HttpRequest.newBuilder(uri).GET().build());
    }

    public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Request to " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The status of a GET over a TLS connection made from {@code localAddress} (e.g. 127.0.0.2, another
     * loopback address on Linux) to the server on 127.0.0.1, so that the server sees that client address;
     * HTTP/1.1 by hand, since the JDK's client cannot choose its local address.
     */
    public static int getFrom(String localAddress, Path dataDir, int port, String path, String authorization) {
        SSLSocketFactory tls = trusting(developmentCertificate(dataDir)).getSocketFactory();
        try (SSLSocket socket = (SSLSocket)
                tls.createSocket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nAuthorization: "
                    + authorization + "\r\nAccept: application/json\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (!response.startsWith("HTTP/1.1 ")) {
                throw new IllegalStateException("Not an HTTP/1.1 answer: " + response);
            }
            return Integer.parseInt(response.substring(9, 12));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " from " + localAddress + " failed", e);
        }
    }
    /**
     * The raw HTTP/1.1 answer (head and body) to a request sent over a TLS connection made from
     * {@code localAddress}, as {@link #getFrom}; {@code head} is the request line and headers without the
     * blank line that ends them (Host, Content-Length and Connection are added).
     */
    public static String sendFrom(String localAddress, Path dataDir, int port, String head, String body) {
        SSLSocketFactory tls = trusting(developmentCertificate(dataDir)).getSocketFactory();
        try (SSLSocket socket = (SSLSocket)
                tls.createSocket(InetAddress.getByName("127.0.0.1"), port, InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(30_000);
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            String request = head + "\r\nHost: localhost:" + port + "\r\nContent-Length: " + content.length
                    + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(head + " from " + localAddress + " failed", e);
        }
    }
}
