package io.selvedge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Detections in a running server: a refused TLS handshake is counted where monitoring reads it. The proof is the
 * same on every store (meters never touch it): H2 only. (A spraying attack and credential stuffing, from the
 * requests to the alert store and the receivers, are proven in AlertRoutingIT, whose server has the receivers.)
 */
@Tag("store-independent")
@ExtendWith(TestDatabase.AvailableCondition.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetectionsIT {

    private TestServer server;

    @BeforeAll
    void start() {
        server = TestServer.start();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void aClientOfferingOnlyCbcSuitesIsRefusedAndItsHandshakeCounted() throws Exception {
        MeterRegistry meters = server.bean(MeterRegistry.class);
        double before = failedHandshakes(meters);
        SSLContext tls = SSLContext.getInstance("TLSv1.2");
        tls.init(null, null, null);

        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket("localhost", server.port())) {
            socket.setEnabledProtocols(new String[] {"TLSv1.2"});
            socket.setEnabledCipherSuites(new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"});
            assertThatThrownBy(socket::startHandshake).isInstanceOf(SSLException.class);
        }

        assertThat(failedHandshakes(meters)).isEqualTo(before + 1);
    }

    private static double failedHandshakes(MeterRegistry meters) {
        return meters.find("selvedge.tls.handshakes.failed").counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }
}
