package io.selvedge.protection.internal;

import io.selvedge.protection.ProtectionProperties;
import lombok.RequiredArgsConstructor;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.UpgradeProtocol;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.coyote.http2.Http2Protocol;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * The limits Tomcat holds, from {@code selvedge.protection.connections.*}: the size and count of a request's
 * headers (the request line is within the size), how long a read may stall and an idle connection wait, and
 * how many connections are served and queued. HTTP/2 gets the same. Blocked clients are refused here too, in
 * Tomcat ({@link BlockedClients}), before any filter runs. Ordered after Spring Boot's own
 * customizer, whose defaults these replace.
 */
@RequiredArgsConstructor
class ConnectorLimits implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    private final ProtectionProperties.Connections limits;
    private final BlockedClients blocked;

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(this::apply);
        factory.addEngineValves(new DroppedBodies(), blocked);
    }

    void apply(Connector connector) {
        // Form bodies are parsed by Tomcat itself, past any stream the application wraps.
        connector.setMaxPostSize(
                (int) Math.min(Integer.MAX_VALUE, limits.maxBody().toBytes()));
        ProtocolHandler handler = connector.getProtocolHandler();
        int headerSize =
                (int) Math.min(Integer.MAX_VALUE, limits.maxHeaderSize().toBytes());
        int readTimeout = (int) limits.readTimeout().toMillis();
        int keepAlive = (int) limits.keepAliveTimeout().toMillis();
        if (handler instanceof AbstractHttp11Protocol<?> http11) {
            http11.setMaxHttpRequestHeaderSize(headerSize);
            http11.setMaxHeaderCount(limits.maxHeaderCount());
            http11.setConnectionTimeout(readTimeout);
            http11.setKeepAliveTimeout(keepAlive);
            http11.setMaxConnections(limits.maxConnections());
            http11.setAcceptCount(limits.acceptCount());
        }
        for (UpgradeProtocol upgrade : connector.findUpgradeProtocols()) {
            if (upgrade instanceof Http2Protocol http2) {
                http2.setMaxHeaderCount(limits.maxHeaderCount());
                http2.setReadTimeout(readTimeout); // its header size is the HTTP/1.1 protocol's, set above
                http2.setStreamReadTimeout(readTimeout);
                http2.setKeepAliveTimeout(keepAlive);
            }
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE - 10;
    }
}
