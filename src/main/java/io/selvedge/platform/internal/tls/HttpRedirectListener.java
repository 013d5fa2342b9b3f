package io.selvedge.platform.internal.tls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.selvedge.platform.PlatformProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The optional plain-HTTP port ({@code SELVEDGE_HTTP_REDIRECT_PORT}). It is not part of the
 * application: every request gets a 308 to the same path on the public HTTPS address, and nothing of
 * the request but its path and query is read, so no credential or cookie is ever looked at.
 */
@Component
@ConditionalOnWebApplication
class HttpRedirectListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(HttpRedirectListener.class);

    private final PlatformProperties properties;
    private HttpServer server;
    private ExecutorService executor;

    HttpRedirectListener(PlatformProperties properties) {
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        Integer port = properties.httpRedirectPort();
        if (port == null) {
            return;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the HTTP redirect port " + port, e);
        }
        executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/", this::redirect);
        server.start();
        log.info(
                "Plain HTTP on port {} only redirects to {}",
                server.getAddress().getPort(),
                properties.publicUrl());
    }

    private void redirect(HttpExchange exchange) throws IOException {
        try (exchange) {
            URI requested = exchange.getRequestURI();
            String target = properties.publicUrl().toString().replaceAll("/+$", "")
                    + requested.getRawPath()
                    + (requested.getRawQuery() == null ? "" : "?" + requested.getRawQuery());
            exchange.getResponseHeaders().set("Location", target);
            exchange.getResponseHeaders().set("Connection", "close");
            exchange.sendResponseHeaders(308, -1);
        }
    }

    /** The port actually bound, for tests that ask for port 0. */
    synchronized int boundPort() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
