package io.selvedge.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.security.cert.X509Certificate;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/** Raw TLS handshakes, for tests that care about what is negotiated rather than about HTTP. */
public final class TlsProbe {

    private static final int TIMEOUT_MILLIS = 10_000;

    private TlsProbe() {}

    /** What a finished handshake agreed on. */
    public record Handshake(String protocol, String cipherSuite, X509Certificate serverCertificate) {}

    /** What a client offered; the offer is read back from the socket, so a test can show it was made. */
    public record Offer(String[] protocols, String[] cipherSuites) {}

    /**
     * Shakes hands with {@code localhost:port} offering only {@code protocols} and, unless null,
     * only {@code cipherSuites}. {@code offered} receives what the client socket really enabled.
     */
    public static Handshake handshake(
            int port, SSLContext client, String[] protocols, String[] cipherSuites, Consumer<Offer> offered)
            throws IOException {
        try (SSLSocket socket = (SSLSocket) client.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress("localhost", port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.setEnabledProtocols(protocols);
            if (cipherSuites != null) {
                socket.setEnabledCipherSuites(cipherSuites);
            }
            offered.accept(new Offer(socket.getEnabledProtocols(), socket.getEnabledCipherSuites()));
            socket.startHandshake();
            SSLSession session = socket.getSession();
            return new Handshake(session.getProtocol(), session.getCipherSuite(), (X509Certificate)
                    session.getPeerCertificates()[0]);
        }
    }

    /** The certificate a new connection to {@code localhost:port} is shown (a fresh context: no resumption). */
    public static X509Certificate certificatePresentedAt(int port, X509Certificate... trusted) {
        try {
            return handshake(port, TestHttps.trusting(trusted), new String[] {"TLSv1.3", "TLSv1.2"}, null, offer -> {})
                    .serverCertificate();
        } catch (IOException e) {
            throw new IllegalStateException("No TLS handshake with localhost:" + port, e);
        }
    }
}
