package io.selvedge.sso.internal.ldap;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.Supplier;
import javax.net.SocketFactory;

/**
 * The socket factory that JNDI's LDAP provider is named for {@code ldaps://} connections
 * ({@code java.naming.ldap.factory.socket}). JNDI takes a class name and calls its static {@link
 * #getDefault()}, so a connection's own TLS settings (its CA) reach it through the thread that opens the
 * connection: {@link #using} sets them for the duration of one sign-in, which opens its connections on that
 * thread. Outside {@link #using}, every socket is refused: nothing falls back to an unchecked default.
 */
public final class DirectorySocketFactory extends SocketFactory {

    private static final ThreadLocal<SocketFactory> CURRENT = new ThreadLocal<>();

    private static final DirectorySocketFactory REFUSING = new DirectorySocketFactory();

    private DirectorySocketFactory() {}

    /** Called by JNDI, by name. */
    public static SocketFactory getDefault() {
        SocketFactory current = CURRENT.get();
        return current == null ? REFUSING : current;
    }

    /** Runs {@code work} with {@code tls} as the factory of the LDAP connections it opens on this thread. */
    static <T> T using(SocketFactory tls, Supplier<T> work) {
        SocketFactory before = CURRENT.get();
        CURRENT.set(tls);
        try {
            return work.get();
        } finally {
            if (before == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(before);
            }
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        throw refused();
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        throw refused();
    }

    private static SocketException refused() {
        return new SocketException("No directory connection is being opened on this thread.");
    }
}
