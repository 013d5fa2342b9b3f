package io.selvedge.platform.internal.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.testing.TestCertificates;
import java.nio.ByteBuffer;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/** The server's engines count a handshake that fails, once, and never one that succeeds. */
class HandshakeCountingEngineTest {

    private static final TestCertificates.IssuedCertificate CERTIFICATE = TestCertificates.forLocalhost("localhost");

    private final List<SSLException> failures = new ArrayList<>();

    private SSLEngine server() {
        SSLEngine engine =
                new HandshakeCountingEngine(CERTIFICATE.serverContext().createSSLEngine(), failures::add);
        engine.setUseClientMode(false);
        return engine;
    }

    private static SSLEngine client() throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("server", CERTIFICATE.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        SSLEngine engine = context.createSSLEngine("localhost", 443);
        engine.setUseClientMode(true);
        return engine;
    }

    @Test
    void aHandshakeThatSucceedsIsNotCounted() throws Exception {
        SSLEngine server = server();

        handshake(client(), server);

        assertThat(server.getSession().getProtocol()).startsWith("TLS");
        assertThat(failures).isEmpty();
    }

    @Test
    void aClientOfferingNoProtocolTheServerAcceptsIsCountedOnce() throws Exception {
        SSLEngine server = server();
        server.setEnabledProtocols(new String[] {"TLSv1.3"});
        SSLEngine client = client();
        client.setEnabledProtocols(new String[] {"TLSv1.2"});

        assertThatThrownBy(() -> handshake(client, server)).isInstanceOf(SSLException.class);

        assertThat(failures).singleElement().isInstanceOf(SSLHandshakeException.class);
    }

    /** Runs both ends of a handshake in memory, as Tomcat and a client would over a socket. */
    private static void handshake(SSLEngine client, SSLEngine server) throws Exception {
        int size = 64 * 1024;
        ByteBuffer toServer = ByteBuffer.allocate(size);
        ByteBuffer toClient = ByteBuffer.allocate(size);
        ByteBuffer application = ByteBuffer.allocate(size);
        client.beginHandshake();
        server.beginHandshake();
        for (int round = 0; round < 200 && !(done(client) && done(server)); round++) {
            step(client, toClient, toServer, application);
            step(server, toServer, toClient, application);
        }
        assertThat(done(client) && done(server)).as("handshake finished").isTrue();
    }

    private static void step(SSLEngine engine, ByteBuffer incoming, ByteBuffer outgoing, ByteBuffer application)
            throws SSLException {
        switch (engine.getHandshakeStatus()) {
            case NEED_WRAP -> engine.wrap(ByteBuffer.allocate(0), outgoing);
            case NEED_UNWRAP, NEED_UNWRAP_AGAIN -> {
                incoming.flip();
                engine.unwrap(incoming, application);
                incoming.compact();
                application.clear();
            }
            case NEED_TASK -> {
                for (Runnable task = engine.getDelegatedTask(); task != null; task = engine.getDelegatedTask()) {
                    task.run();
                }
            }
            default -> {}
        }
    }

    private static boolean done(SSLEngine engine) {
        HandshakeStatus status = engine.getHandshakeStatus();
        return status == HandshakeStatus.NOT_HANDSHAKING || status == HandshakeStatus.FINISHED;
    }
}
