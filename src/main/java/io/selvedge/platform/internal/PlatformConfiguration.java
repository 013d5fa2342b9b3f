package io.selvedge.platform.internal;

import java.time.Clock;
import org.apache.coyote.UpgradeProtocol;
import org.apache.coyote.http2.Http2Protocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Tomcat's socket buffers for each connection, read and write (Tomcat's default is 8 KiB). */
    static final int SOCKET_BUFFER_BYTES = 32 * 1024;

    /**
     * The HTTP/2 flow-control window the server grants a client, per stream and for the connection (the
     * protocol's and Tomcat's default is 64 KiB). A client may send no more than this before the server has
     * read it, so it bounds an upload's speed to a window per round trip: 64 KiB is 1.3 MB/s at 50 ms.
     */
    static final int HTTP2_WINDOW_BYTES = 1024 * 1024;

    /**
     * Streams a client may open at once on one connection (Tomcat's default is 100). Tomcat gives each stream
     * that carries a body two buffers of the window's size, so this bounds one connection's buffers to
     * 32 × 2 × 1 MiB; a page's requests are fewer, and Tomcat runs 20 of a connection's streams at a time.
     */
    static final int HTTP2_MAX_CONCURRENT_STREAMS = 32;

    /** The one clock of the application, so that tests can move time. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Larger socket buffers for multi-gigabyte versions: with Tomcat's 8 KiB, every TLS record it writes
     * carries 8 KiB instead of 16 KiB and a body is read in many small pieces. Measured with
     * {@code bench/run-transfer.sh} (bench/README.md): less CPU per GiB uploaded and downloaded. Costs
     * 48 KiB more heap per open connection.
     */
    @Bean
    TomcatConnectorCustomizer socketBuffersForLargeTransfers() {
        return connector -> {
            for (String property : new String[] {"socket.appReadBufSize", "socket.appWriteBufSize"}) {
                if (!connector.setProperty(property, Integer.toString(SOCKET_BUFFER_BYTES))) {
                    throw new IllegalStateException("Tomcat no longer knows " + property);
                }
            }
        };
    }

    /**
     * Browsers upload and download over HTTP/2, where Tomcat's 64 KiB window made an upload wait for the
     * server's window updates (0.13 GB/s against 0.3 over HTTP/1.1 on loopback; bench/README.md). Tomcat's
     * protections against small frames and window updates keep their defaults.
     */
    @Bean
    TomcatConnectorCustomizer http2WindowsForLargeTransfers() {
        return connector -> {
            for (UpgradeProtocol upgrade : connector.findUpgradeProtocols()) {
                if (upgrade instanceof Http2Protocol http2) {
                    http2.setInitialWindowSize(HTTP2_WINDOW_BYTES);
                    http2.setMaxConcurrentStreams(HTTP2_MAX_CONCURRENT_STREAMS);
                }
            }
        };
    }
}
