package io.selvedge.platform.internal.tls;

import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server chooses the suite, in {@link TlsPolicy}'s order (strongest AEAD first), whatever order a
 * client offers. Tomcat tells JSSE to follow the client's order unless its TLS settings say otherwise,
 * and Spring Boot's bundle settings have no word for it; a renewed certificate brings new TLS settings,
 * so the order is set again each time.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ServerCipherOrder {

    @Bean
    TomcatConnectorCustomizer serverChoosesTheCipherSuite(SslBundles bundles) {
        return connector -> {
            honourServerOrder(connector);
            HandshakeCounting.install(connector);
            // Runs after Spring Boot's own handler, which replaces the TLS settings of the connector.
            bundles.addBundleUpdateHandler(ServerCertificate.BUNDLE, renewed -> honourServerOrder(connector));
        };
    }

    static void honourServerOrder(Connector connector) {
        if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> protocol) {
            for (SSLHostConfig tls : protocol.findSslHostConfigs()) {
                tls.setHonorCipherOrder(true);
            }
        }
    }
}
