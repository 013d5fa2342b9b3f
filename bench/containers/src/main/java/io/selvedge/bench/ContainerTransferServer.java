package io.selvedge.bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One servlet and nothing else, on embedded Tomcat or Jetty, over TLS 1.3 with HTTP/2 offered by ALPN: what
 * the container alone costs a large transfer, without Selvedge's encryption, hashing or disk (bench/README.md,
 * "The containers alone"). {@code GET /?size=N} answers N bytes; {@code PUT /} reads the body, keeps nothing
 * and answers the byte count. Both containers get Selvedge's settings: a 1 MiB HTTP/2 stream window, 32
 * streams, and for Tomcat 32 KiB socket buffers (PlatformConfiguration).
 *
 * <pre>ContainerTransferServer tomcat|jetty PORT KEYSTORE.p12 PASSWORD</pre>
 */
public final class ContainerTransferServer {

    private static final int PIECE = 256 * 1024;
    private static final int STREAM_WINDOW = 1024 * 1024;
    private static final int STREAMS = 32;

    private ContainerTransferServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("ContainerTransferServer tomcat|jetty PORT KEYSTORE.p12 PASSWORD");
        }
        int port = Integer.parseInt(args[1]);
        String keystore = Path.of(args[2]).toAbsolutePath().toString();
        switch (args[0]) {
            case "tomcat" -> tomcat(port, keystore, args[3]);
            case "jetty" -> jetty(port, keystore, args[3]);
            default -> throw new IllegalArgumentException("tomcat or jetty, not " + args[0]);
        }
    }

    /** Streams what it is asked for, in the 256 KiB pieces Selvedge writes. */
    static final class Transfers extends HttpServlet {

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            long left = Long.parseLong(request.getParameter("size"));
            byte[] piece = new byte[PIECE];
            for (int i = 0; i < piece.length; i++) {
                piece[i] = (byte) (i * 31);
            }
            response.setContentType("application/octet-stream");
            response.setContentLengthLong(left);
            OutputStream out = response.getOutputStream();
            while (left > 0) {
                int n = (int) Math.min(piece.length, left);
                out.write(piece, 0, n);
                left -= n;
            }
        }

        @Override
        protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] piece = new byte[PIECE];
            long total = 0;
            try (InputStream in = request.getInputStream()) {
                for (int n; (n = in.read(piece)) > 0; ) {
                    total += n;
                }
            }
            response.setContentType("text/plain");
            response.getWriter().println(total);
        }
    }

    private static void tomcat(int port, String keystore, String password) throws Exception {
        var tomcat = new org.apache.catalina.startup.Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("container-bench-tomcat").toString());
        var connector = new org.apache.catalina.connector.Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(port);
        connector.setScheme("https");
        connector.setSecure(true);
        connector.setProperty("SSLEnabled", "true");
        connector.setProperty("socket.appReadBufSize", "32768");
        connector.setProperty("socket.appWriteBufSize", "32768");
        var tls = new org.apache.tomcat.util.net.SSLHostConfig();
        tls.setProtocols("TLSv1.3");
        var certificate = new org.apache.tomcat.util.net.SSLHostConfigCertificate(
                tls, org.apache.tomcat.util.net.SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(keystore);
        certificate.setCertificateKeystorePassword(password);
        certificate.setCertificateKeystoreType("PKCS12");
        tls.addCertificate(certificate);
        connector.addSslHostConfig(tls);
        var http2 = new org.apache.coyote.http2.Http2Protocol();
        http2.setInitialWindowSize(STREAM_WINDOW);
        http2.setMaxConcurrentStreams(STREAMS);
        connector.addUpgradeProtocol(http2);
        tomcat.setConnector(connector);
        var context = tomcat.addContext("", null);
        org.apache.catalina.startup.Tomcat.addServlet(context, "transfers", new Transfers());
        context.addServletMappingDecoded("/", "transfers");
        tomcat.start();
        System.out.println("ready");
        tomcat.getServer().await();
    }

    private static void jetty(int port, String keystore, String password) throws Exception {
        var server = new org.eclipse.jetty.server.Server();
        var http = new org.eclipse.jetty.server.HttpConfiguration();
        http.setSecureScheme("https");
        http.addCustomizer(new org.eclipse.jetty.server.SecureRequestCustomizer(false));
        var http11 = new org.eclipse.jetty.server.HttpConnectionFactory(http);
        var http2 = new org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory(http);
        http2.setInitialStreamRecvWindow(STREAM_WINDOW);
        http2.setMaxConcurrentStreams(STREAMS);
        var alpn = new org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory();
        alpn.setDefaultProtocol(http11.getProtocol());
        var tls = new org.eclipse.jetty.util.ssl.SslContextFactory.Server();
        tls.setKeyStorePath(keystore);
        tls.setKeyStorePassword(password);
        tls.setKeyStoreType("PKCS12");
        tls.setIncludeProtocols("TLSv1.3");
        var connector = new org.eclipse.jetty.server.ServerConnector(
                server, new org.eclipse.jetty.server.SslConnectionFactory(tls, alpn.getProtocol()), alpn, http2, http11);
        connector.setPort(port);
        server.addConnector(connector);
        var context = new org.eclipse.jetty.ee10.servlet.ServletContextHandler();
        context.addServlet(new org.eclipse.jetty.ee10.servlet.ServletHolder(new Transfers()), "/");
        server.setHandler(context);
        server.start();
        System.out.println("ready");
        server.join();
    }
}
