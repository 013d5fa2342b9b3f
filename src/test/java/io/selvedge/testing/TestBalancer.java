package io.selvedge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer in the test: TCP on loopback, TLS passed through (so HTTP/2 and the nodes' own certificate
 * reach the client as they would behind nginx's stream module), each new connection to the next node in turn,
 * skipping nodes taken {@link #down}. It records which node took each connection.
 */
public final class TestBalancer implements AutoCloseable {

    private final List<Integer> ports;
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();
    private final List<Integer> served = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger next = new AtomicInteger();
    private final ServerSocket listener;

    private TestBalancer(List<Integer> ports) {
        this.ports = List.copyOf(ports);
        try {
            this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("test-balancer", this::accept);
    }

    /** A balancer in front of the nodes listening on {@code ports} (on 127.0.0.1). */
    public static TestBalancer roundRobin(List<Integer> ports) {
        return new TestBalancer(ports);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The index (in the order given) of the node each connection went to, oldest first. */
    public List<Integer> served() {
        return List.copyOf(served);
    }

    /** The node that took the latest connection. */
    public int lastServed() {
        return served.get(served.size() - 1);
    }

    /**
     * Takes node {@code index} out of the rotation and resets its open connections, as a machine that dies does
     * to the connections through it.
     */
    public void down(int index) {
        down.add(index);
        for (Socket socket : open) {
            if (socket.getPort() == ports.get(index)) {
                try {
                    socket.setSoLinger(true, 0); // a reset, not an orderly close
                    socket.close();
                } catch (IOException ignored) {
                    // closed already
                }
            }
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                daemon("test-balancer-relay", () -> relay(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void relay(Socket client) {
        Socket node = null;
        for (int attempt = 0; attempt < ports.size() && node == null; attempt++) {
            int index = Math.floorMod(next.getAndIncrement(), ports.size());
            if (down.contains(index)) {
                continue;
            }
            try {
                node = new Socket();
                node.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), ports.get(index)), 2000);
                served.add(index);
            } catch (IOException e) {
                node = null;
            }
        }
        if (node == null) {
            closeQuietly(client);
            return;
        }
        Socket upstream = node;
        open.add(client);
        open.add(upstream);
        daemon("test-balancer-relay", () -> pipe(upstream, client));
        pipe(client, upstream);
    }

    /** Copies one way until either side ends; then both end (TLS has no half-closed connections to keep). */
    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
            }
            closeQuietly(to);
            closeQuietly(from);
            open.remove(from);
            open.remove(to);
        } catch (IOException e) {
            resetBoth(from, to);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void resetBoth(Socket one, Socket other) {
        for (Socket socket : new ArrayList<>(List.of(one, other))) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException ignored) {
                // closed already
            }
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closed already
        }
        open.forEach(TestBalancer::closeQuietly);
    }
}
