package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * The HTTPS connector reads and writes through 32 KiB socket buffers, not Tomcat's 8 KiB, so that TLS
 * records carry 16 KiB and large bodies move in large pieces (bench/README.md, the transfer benchmark).
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class SocketBuffersIT {

    @Autowired
    WebServerApplicationContext context;

    @Test
    void theHttpsConnectorHasLargeSocketBuffers() {
        Connector connector =
                ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(connector.getScheme()).isEqualTo("https");
        assertThat(connector.getProperty("socket.appReadBufSize")).hasToString("32768");
        assertThat(connector.getProperty("socket.appWriteBufSize")).hasToString("32768");
    }
}
