package io.selvedge.platform.internal;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** Tomcat's socket buffers for each connection, read and write (Tomcat's default is 8 KiB). */
    static final int SOCKET_BUFFER_BYTES = 32 * 1024;

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
}
