package io.selvedge.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.notify.MailProperties;
import io.selvedge.notify.MailProperties.TlsMode;
import io.selvedge.notify.Outbox;
import io.selvedge.notify.OutgoingMail;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestCertificates;
import io.selvedge.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.subethamail.smtp.helper.SimpleMessageListener;
import org.subethamail.smtp.server.SMTPServer;

/**
 * E-mail leaves only over TLS by default: delivered to a real SMTP server that requires STARTTLS, kept
 * in the outbox when the server offers no STARTTLS or an untrusted certificate, and dead after its
 * last attempt, where an operator sees it and can send it again.
 */
@SelvedgeIntegrationTest
class MailDeliveryIT {

    private static final TestCertificates.IssuedCertificate SMTP_CERTIFICATE =
            TestCertificates.forLocalhost("smtp.test");

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxEntries entries;

    @Autowired
    PlatformProperties platform;

    @Autowired
    Clock clock;

    final List<String> received = new CopyOnWriteArrayList<>();
    SMTPServer server;

    /**
     * What the server received of this test's mail: the dispatcher sends every mail due in the shared outbox,
     * and other tests' notifications can land in it at any time.
     */
    private List<String> ours(UUID id) {
        return received.stream()
                .filter(mail -> mail.contains("Message-ID: <" + id))
                .toList();
    }

    @AfterEach
    void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void mailGoesOutOverStartTlsToAServerThatRequiresIt() {
        server = aServerRequiringStartTls(SMTP_CERTIFICATE.serverContext());
        UUID id = outbox.enqueue(OutgoingMail.text("ada@example.test", "Your invitation", "Marker body 7f3a"));

        dispatcher(TlsMode.REQUIRED, trusted(), 3).dispatchDue();

        assertThat(entries.statusOf(id)).isEqualTo(OutboxStatus.SENT);
        assertThat(ours(id)).singleElement().asString().contains("Marker body 7f3a");
    }

    @Test
    void aServerWithoutStartTlsGetsNothingAndTheMailWaits() {
        server = aPlainServer();
        UUID id = outbox.enqueue(OutgoingMail.text("ada@example.test", "Secret", "never in clear"));

        dispatcher(TlsMode.REQUIRED, trusted(), 3).dispatchDue();

        assertThat(received).isEmpty();
        assertThat(entries.statusOf(id)).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void aServerWithAnUntrustedCertificateGetsNothing() {
        server = aServerRequiringStartTls(
                TestCertificates.forLocalhost("impostor").serverContext());
        UUID id = outbox.enqueue(OutgoingMail.text("ada@example.test", "Secret", "never to an impostor"));

        dispatcher(TlsMode.REQUIRED, trusted(), 3).dispatchDue();

        assertThat(received).isEmpty();
        assertThat(entries.statusOf(id)).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void implicitTlsOnItsOwnPortWorksToo() {
        server = new SMTPServer.Builder()
                .port(0)
                .serverSocketFactory(SMTP_CERTIFICATE.serverContext())
                .simpleMessageListener(recorder())
                .build();
        server.start();
        UUID id = outbox.enqueue(OutgoingMail.text("ada@example.test", "Hello", "over SMTPS"));

        dispatcher(TlsMode.IMPLICIT, trusted(), 3).dispatchDue();

        assertThat(entries.statusOf(id)).isEqualTo(OutboxStatus.SENT);
        assertThat(ours(id)).singleElement().asString().contains("over SMTPS");
    }

    @Test
    void afterTheLastAttemptTheMailIsADeadLetterThatAnOperatorCanSendAgain() {
        server = aPlainServer();
        UUID id = outbox.enqueue(OutgoingMail.text("ada@example.test", "Hello", "try twice"));
        MailDispatcher impatient = dispatcher(TlsMode.REQUIRED, trusted(), 1);

        impatient.dispatchDue();

        assertThat(entries.statusOf(id)).isEqualTo(OutboxStatus.DEAD);
        String listing = run("outbox");
        assertThat(listing).contains("dead " + id).contains("STARTTLS").doesNotContain("try twice");
        assertThat(run("retry", id.toString())).contains("Queued");
        assertThat(entries.statusOf(id)).isEqualTo(OutboxStatus.PENDING);
    }

    @Test
    void withoutSmtpTheMailIsFiledAsAnEmlOutsideProduction() throws Exception {
        Path folder = TestServer.newDataDirectory().resolve("mail");
        UUID id = outbox.enqueue(OutgoingMail.text("ada@example.test", "Filed", "only in the folder"));
        MailProperties noSmtp = properties(
                folder,
                new MailProperties.Smtp(null, 25, null, null, TlsMode.REQUIRED, null, Duration.ofSeconds(5)),
                3);

        new MailDispatcher(entries, noSmtp, platform, clock).dispatchDue();

        assertThat(entries.statusOf(id)).isEqualTo(OutboxStatus.SENT);
        assertThat(Files.readString(folder.resolve(id + ".eml"))).contains("only in the folder");
    }

    @Test
    void theWaitBetweenAttemptsDoublesUpToItsCeiling() {
        MailProperties.Smtp smtp =
                new MailProperties.Smtp("localhost", 25, null, null, TlsMode.REQUIRED, null, Duration.ofSeconds(5));
        MailDispatcher dispatcher =
                new MailDispatcher(entries, properties(platform.dataDir().resolve("mail"), smtp, 12), platform, clock);

        assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(60));
        assertThat(dispatcher.backoff(4)).isEqualTo(Duration.ofSeconds(240));
        assertThat(dispatcher.backoff(20)).isEqualTo(Duration.ofHours(1));
    }

    private SMTPServer aServerRequiringStartTls(SSLContext context) {
        SMTPServer smtp = new SMTPServer.Builder()
                .port(0)
                .enableTLS()
                .requireTLS()
                .startTlsSocketFactory(context)
                .simpleMessageListener(recorder())
                .build();
        smtp.start();
        return smtp;
    }

    private SMTPServer aPlainServer() {
        SMTPServer smtp = new SMTPServer.Builder()
                .port(0)
                .simpleMessageListener(recorder())
                .build();
        smtp.start();
        return smtp;
    }

    private SimpleMessageListener recorder() {
        return new SimpleMessageListener() {
            @Override
            public boolean accept(String from, String recipient) {
                return true;
            }

            @Override
            public void deliver(String from, String recipient, InputStream data) throws IOException {
                received.add(new String(data.readAllBytes(), StandardCharsets.UTF_8));
            }
        };
    }

    private Path trusted() {
        return SMTP_CERTIFICATE.writeCertificatePem(
                TestServer.newDataDirectory().resolve("smtp.pem"));
    }

    private MailDispatcher dispatcher(TlsMode mode, Path trustedCertificate, int attempts) {
        MailProperties.Smtp smtp = new MailProperties.Smtp(
                "localhost", server.getPortAllocated(), null, null, mode, trustedCertificate, Duration.ofSeconds(5));
        PlatformProperties production = new PlatformProperties(
                SelvedgeEnvironment.PRODUCTION,
                platform.dataDir(),
                0,
                platform.publicUrl(),
                null,
                platform.tls(),
                platform.transfers());
        return new MailDispatcher(
                entries, properties(platform.dataDir().resolve("mail"), smtp, attempts), production, clock);
    }

    private static MailProperties properties(Path folder, MailProperties.Smtp smtp, int attempts) {
        return new MailProperties(
                folder,
                "Selvedge <no-reply@selvedge.test>",
                smtp,
                new MailProperties.Retry(Duration.ofSeconds(30), Duration.ofHours(1), attempts, Duration.ofSeconds(5)));
    }

    private String run(String... arguments) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new MailCommand(entries, clock).run(List.of(arguments), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
