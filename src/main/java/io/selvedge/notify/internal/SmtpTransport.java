package io.selvedge.notify.internal;

import io.selvedge.notify.MailProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * SMTP with the protection the configuration asks for. In the default mode, {@code required}, the
 * session says STARTTLS before anything else and gives up if the server does not offer it or its
 * certificate fails (chain and host name): nothing is ever sent in clear.
 */
final class SmtpTransport {

    private final MailProperties.Smtp smtp;
    private final Session session;

    SmtpTransport(MailProperties.Smtp smtp) {
        this.smtp = smtp;
        this.session = Session.getInstance(properties(smtp));
    }

    Session session() {
        return session;
    }

    void send(MimeMessage message) throws MessagingException {
        try (Transport transport =
                session.getTransport(smtp.tls() == MailProperties.TlsMode.IMPLICIT ? "smtps" : "smtp")) {
            transport.connect(smtp.host(), smtp.port(), smtp.username(), smtp.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private static Properties properties(MailProperties.Smtp smtp) {
        Properties properties = new Properties();
        String timeout = Long.toString(smtp.timeout().toMillis());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            String prefix = "mail." + protocol + ".";
            properties.put(prefix + "connectiontimeout", timeout);
            properties.put(prefix + "timeout", timeout);
            properties.put(prefix + "writetimeout", timeout);
            properties.put(prefix + "auth", Boolean.toString(smtp.username() != null));
            properties.put(prefix + "ssl.checkserveridentity", "true");
            properties.put(prefix + "ssl.protocols", "TLSv1.3 TLSv1.2");
            if (smtp.trustedCertificate() != null) {
                properties.put(prefix + "ssl.socketFactory", trusting(smtp));
            }
        }
        switch (smtp.tls()) {
            case REQUIRED -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
            }
            case OPPORTUNISTIC -> properties.put("mail.smtp.starttls.enable", "true");
            case IMPLICIT -> properties.put("mail.smtps.ssl.enable", "true");
        }
        return properties;
    }

    /** The JDK's authorities plus the configured certificate. */
    private static SSLSocketFactory trusting(MailProperties.Smtp smtp) {
        try (InputStream in = Files.newInputStream(smtp.trustedCertificate())) {
            Certificate extra = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("configured", extra);
            TrustManagerFactory jdkDefaults =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdkDefaults.init((KeyStore) null);
            for (var manager : jdkDefaults.getTrustManagers()) {
                if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                    int n = 0;
                    for (var authority : x509.getAcceptedIssuers()) {
                        trust.setCertificateEntry("jdk-" + n++, authority);
                    }
                }
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Cannot read the SMTP server's trusted certificate " + smtp.trustedCertificate(), e);
        }
    }
}
