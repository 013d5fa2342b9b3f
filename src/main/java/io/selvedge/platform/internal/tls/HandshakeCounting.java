package io.selvedge.platform.internal.tls;

import io.micrometer.core.instrument.Metrics;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.TrustManager;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.apache.tomcat.util.net.SSLContext;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.SSLUtil;
import org.apache.tomcat.util.net.jsse.JSSEImplementation;
import org.apache.tomcat.util.net.jsse.JSSEUtil;

/**
 * Counts the TLS handshakes that fail on the server's port: {@code selvedge.tls.handshakes.failed{reason}}, the
 * reason being the kind of exception JSSE threw (a client offering no protocol or suite we accept, a malformed
 * hello, a certificate refused). Tomcat makes its engines through the connector's SSL implementation, named by
 * class: this one is Tomcat's JSSE implementation whose engines count their failed handshake. Monitoring
 * watches the counter; a client that hangs up mid-handshake throws nothing and is not counted.
 */
public final class HandshakeCounting extends JSSEImplementation {

    static final String METER = "selvedge.tls.handshakes.failed";

    /** Makes the connector's engines count their failed handshakes. */
    static void install(Connector connector) {
        if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> protocol) {
            protocol.setSslImplementationName(HandshakeCounting.class.getName());
        }
    }

    /** Counts one failed handshake. */
    static void failed(Exception reason) {
        Metrics.counter(METER, "reason", reason.getClass().getSimpleName()).increment();
    }

    @Override
    public SSLUtil getSSLUtil(SSLHostConfigCertificate certificate) {
        return new JSSEUtil(certificate) {
            @Override
            public SSLContext createSSLContextInternal(List<String> negotiableProtocols)
                    throws NoSuchAlgorithmException {
                return new CountingContext(super.createSSLContextInternal(negotiableProtocols));
            }
        };
    }

    /** Tomcat's SSL context, its engines counting. */
    private record CountingContext(SSLContext context) implements SSLContext {

        @Override
        public void init(KeyManager[] keys, TrustManager[] trust, SecureRandom random) throws KeyManagementException {
            context.init(keys, trust, random);
        }

        @Override
        public void destroy() {
            context.destroy();
        }

        @Override
        public SSLSessionContext getServerSessionContext() {
            return context.getServerSessionContext();
        }

        @Override
        public SSLEngine createSSLEngine() {
            return new HandshakeCountingEngine(context.createSSLEngine(), HandshakeCounting::failed);
        }

        @Override
        public SSLServerSocketFactory getServerSocketFactory() {
            return context.getServerSocketFactory();
        }

        @Override
        public SSLParameters getSupportedSSLParameters() {
            return context.getSupportedSSLParameters();
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return context.getCertificateChain(alias);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return context.getAcceptedIssuers();
        }
    }
}
