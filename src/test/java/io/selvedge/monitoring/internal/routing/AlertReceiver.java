package io.selvedge.monitoring.internal.routing;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.selvedge.testing.TestCertificates;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTPS receiver of alert webhooks in the test's JVM that answers 204 and keeps what it was sent, under a
 * test certificate the server is told to trust ({@link #serverProperties()}); and the routing a test gives it:
 * a webhook channel per team ({@code /security}, {@code /operations}, {@code /network}) or a group's contacts.
 */
public final class AlertReceiver {

    static final TestCertificates.IssuedCertificate CERTIFICATE = TestCertificates.forLocalhost("alert-receiver");
    static final Duration PATIENCE = Duration.ofSeconds(15);
    /** Who sets the routing up, on the trails. */
    static final UUID OPERATOR = UUID.randomUUID();

    private final HttpsServer https;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    /** What the receiver was sent: the path, the JSON, and the signature's headers. */
    public record Received(String path, String body, String timestamp, String signature) {}

    private AlertReceiver(HttpsServer https) {
        this.https = https;
    }

    /** A receiver on the port (0: any free one). */
    public static AlertReceiver start(int port) {
        try {
            HttpsServer https = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            https.setHttpsConfigurator(new HttpsConfigurator(CERTIFICATE.serverContext()));
            AlertReceiver receiver = new AlertReceiver(https);
            https.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                receiver.received.add(new Received(
                        exchange.getRequestURI().getPath(),
                        body,
                        String.valueOf(exchange.getRequestHeaders().getFirst("X-Selvedge-Timestamp")),
                        String.valueOf(exchange.getRequestHeaders().getFirst("X-Selvedge-Signature"))));
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            https.start();
            return receiver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a server needs to send to receivers on loopback: localhost allowed, their certificate trusted. */
    public static Map<String, Object> serverProperties() {
        try {
            Path trusted = Files.createTempFile("alert-receiver", ".pem");
            CERTIFICATE.writeCertificatePem(trusted);
            return Map.of(
                    "selvedge.monitoring.allowed-hosts",
                    "localhost",
                    "selvedge.monitoring.trusted-certificates",
                    trusted.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int aFreePort() {
        AlertReceiver probe = start(0);
        int port = probe.port();
        probe.stop();
        return port;
    }

    /** Routes the installation team's alerts ({@code security}, {@code operations}, {@code network}) here. */
    public void listensFor(TestServer server, String team) {
        server.bean(AlertRouting.class).addChannel(teamId(team), webhook(team, port()), OPERATOR);
    }

    /** A webhook of the team to a port where nothing listens yet (a receiver that is down); its channel id. */
    public static UUID aChannelDownFor(TestServer server, String team, int port) {
        return server.bean(AlertRouting.class)
                .addChannel(teamId(team), webhook(team + "-down", port), OPERATOR)
                .id();
    }

    /** Makes this receiver's {@code /contacts} the group's security contacts, for alerts from INFO up. */
    public void listensForContactsOf(TestServer server, UUID group) {
        server.bean(AlertRouting.class)
                .replaceContacts(
                        group,
                        "INFO",
                        List.of(new AlertRouting.ContactSpec(null, webhook("contacts", port()))),
                        OPERATOR);
    }

    private static UUID teamId(String team) {
        return switch (team) {
            case "security" -> Team.SECURITY;
            case "operations" -> Team.OPERATIONS;
            case "network" -> Team.NETWORK;
            default -> throw new IllegalArgumentException(team);
        };
    }

    static AlertRouting.ChannelSpec webhook(String path, int port) {
        return new AlertRouting.ChannelSpec("WEBHOOK", path, "https://localhost:" + port + "/" + path, null);
    }

    public int port() {
        return https.getAddress().getPort();
    }

    /** What was sent to the path with {@code bodyPart} in its body. */
    public List<Received> received(String path, String bodyPart) {
        return received.stream()
                .filter(r -> r.path().equals(path) && r.body().contains(bodyPart))
                .toList();
    }

    /** Waits until {@code count} such requests came; fails after 15 s. */
    public List<Received> await(String path, String bodyPart, int count) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (received(path, bodyPart).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "after " + PATIENCE + ", " + received(path, bodyPart).size() + " of " + count + " requests to "
                                + path + " with " + bodyPart);
            }
            Thread.sleep(50);
        }
        return received(path, bodyPart);
    }

    public void stop() {
        https.stop(0);
    }
}
