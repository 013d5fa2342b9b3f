package io.selvedge.platform.internal.tls;

import io.selvedge.platform.PlatformProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The optional plain-HTTP port ({@code SELVEDGE_HTTP_REDIRECT_PORT}). It is not part of the
 * application: every request gets a 308 to the same path on the public HTTPS address, and nothing of
 * the request but its target is read, so no credential or cookie is ever looked at. A client has
 * {@link #READ_TIMEOUT} between bytes and {@link #REQUEST_DEADLINE} for its whole request head, and at
 * most {@link #MAX_CONNECTIONS} are served at once (more are closed unanswered), so slow or silent
 * clients cannot hold the port.
 */
@Component
@ConditionalOnWebApplication
@RequiredArgsConstructor
class HttpRedirectListener implements SmartLifecycle {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_DEADLINE = Duration.ofSeconds(10);
    static final int MAX_CONNECTIONS = 32;
    static final int MAX_HEAD_BYTES = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(HttpRedirectListener.class);

    private final PlatformProperties properties;
    private ServerSocket server;
    private ExecutorService workers;
    private Thread acceptor;
    private final Semaphore connections = new Semaphore(MAX_CONNECTIONS);

    @Override
    public synchronized void start() {
        Integer port = properties.httpRedirectPort();
        if (port == null) {
            return;
        }
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the HTTP redirect port " + port, e);
        }
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                MAX_CONNECTIONS, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "http-redirect");
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        workers = pool;
        ServerSocket listening = server;
        acceptor = new Thread(() -> accept(listening), "http-redirect-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        log.info("Plain HTTP on port {} only redirects to {}", server.getLocalPort(), properties.publicUrl());
    }

    private void accept(ServerSocket listening) {
        while (!listening.isClosed()) {
            Socket socket;
            try {
                socket = listening.accept();
            } catch (IOException closedOrFailed) {
                continue; // closed by stop(), or one failed accept: the loop condition decides
            }
            if (!connections.tryAcquire()) {
                closeQuietly(socket); // at the cap: refused at once rather than queued behind slow clients
                continue;
            }
            try {
                workers.execute(() -> {
                    try {
                        serve(socket);
                    } finally {
                        closeQuietly(socket);
                        connections.release();
                    }
                });
            } catch (RejectedExecutionException stopping) {
                closeQuietly(socket);
                connections.release();
            }
        }
    }

    private void serve(Socket socket) {
        try {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            long deadline = System.nanoTime() + REQUEST_DEADLINE.toNanos();
            String head = readHead(socket, deadline);
            if (head == null) {
                return; // silent, slow or oversized: closed without an answer
            }
            String target = RedirectTarget.of(head.substring(0, head.indexOf("\r\n")));
            String answer = target == null
                    ? "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    : "HTTP/1.1 308 Permanent Redirect\r\nLocation: "
                            + properties.publicUrl().toString().replaceAll("/+$", "") + target
                            + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(answer.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.shutdownOutput();
        } catch (SocketTimeoutException | SocketException gone) {
            // a client that stopped sending or went away
        } catch (IOException e) {
            log.debug("HTTP redirect connection failed: {}", e.getMessage());
        }
    }

    /** The request line and headers up to the blank line, or null past the deadline, the size or the stream. */
    private static String readHead(Socket socket, long deadline) throws IOException {
        InputStream in = socket.getInputStream();
        byte[] head = new byte[MAX_HEAD_BYTES];
        int length = 0;
        while (length < head.length) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            socket.setSoTimeout(
                    (int) Math.max(1, Math.min(READ_TIMEOUT.toMillis(), TimeUnit.NANOSECONDS.toMillis(left))));
            int read = in.read(head, length, head.length - length);
            if (read < 0) {
                return null;
            }
            length += read;
            String text = new String(head, 0, length, StandardCharsets.ISO_8859_1);
            if (text.contains("\r\n\r\n")) {
                return text;
            }
        }
        return null;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** The port actually bound, for tests that ask for port 0. */
    synchronized int boundPort() {
        return server == null ? -1 : server.getLocalPort();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            closeQuietly(server);
            workers.shutdownNow();
            server = null;
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
