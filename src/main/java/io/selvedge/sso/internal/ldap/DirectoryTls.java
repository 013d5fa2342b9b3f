package io.selvedge.sso.internal.ldap;

import io.selvedge.sso.internal.ConnectionTrust;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.jspecify.annotations.Nullable;

/**
 * The TLS side of a directory connection: whom it trusts (the JVM's authorities and the connection's CA
 * certificates, {@link ConnectionTrust}), TLS 1.2 or 1.3 only, the server's certificate checked against the host name in
 * the URL (as RFC 4513 asks of LDAP clients), and a TCP connection and a TLS handshake that may each take at
 * most the connect timeout, so a server that is down, or accepts the connection and then says nothing, cannot
 * hold a sign-in. (JNDI's own connect timeout is not set for {@code ldaps://}, so it asks for connected sockets.)
 */
final class DirectoryTls extends SSLSocketFactory {

    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory delegate;
    private final int handshakeTimeoutMillis;

    private DirectoryTls(SSLSocketFactory delegate, Duration handshakeTimeout) {
        this.delegate = delegate;
        this.handshakeTimeoutMillis = Math.toIntExact(handshakeTimeout.toMillis());
    }

    /**
     * Sockets for one connection, trusting what {@link ConnectionTrust} trusts for it: the JVM's authorities
     * and the connection's own CA certificates.
     *
     * @throws IllegalArgumentException when {@code caCertificatePem} holds no readable certificate
     */
    static DirectoryTls forConnection(@Nullable String caCertificatePem, Duration handshakeTimeout) {
        return new DirectoryTls(ConnectionTrust.sslContext(caCertificatePem).getSocketFactory(), handshakeTimeout);
    }

    /** {@code ldaps://}: the TCP connection within the timeout, then TLS over it, also within the timeout. */
    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(host, port), handshakeTimeoutMillis);
        } catch (IOException e) {
            plain.close();
            throw e;
        }
        return createSocket(plain, host, port, true);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return handshaken(verifying((SSLSocket) delegate.createSocket(host, port, localHost, localPort)));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return handshaken(verifying((SSLSocket) delegate.createSocket(host, port)));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return handshaken(verifying((SSLSocket) delegate.createSocket(address, port, localAddress, localPort)));
    }

    /** StartTLS: TLS over the connection already open. */
    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        return handshaken(verifying((SSLSocket) delegate.createSocket(socket, host, port, autoClose)));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    private static SSLSocket verifying(SSLSocket socket) {
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("LDAPS");
        parameters.setProtocols(PROTOCOLS);
        socket.setSSLParameters(parameters);
        return socket;
    }

    /** The handshake now, bounded, rather than at the first read, which JNDI would not bound. */
    private SSLSocket handshaken(SSLSocket socket) throws IOException {
        int before = socket.getSoTimeout();
        try {
            socket.setSoTimeout(handshakeTimeoutMillis);
            socket.startHandshake();
            socket.setSoTimeout(before);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
