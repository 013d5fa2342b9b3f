package io.selvedge.notify.internal;

import io.selvedge.notify.MailProperties;
import io.selvedge.platform.PlatformProperties;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers what the outbox holds: due entries are claimed, sent (and filed as {@code .eml} outside
 * production), and on failure tried again later with a doubling wait, until they become dead letters.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final int BATCH = 20;
    private static final Duration CLAIM = Duration.ofMinutes(5);

    private final OutboxEntries entries;
    private final MailProperties properties;
    private final Clock clock;
    private final SmtpTransport smtp;
    private final MailFolder folder;

    MailDispatcher(OutboxEntries entries, MailProperties properties, PlatformProperties platform, Clock clock) {
        this.entries = entries;
        this.properties = properties;
        this.clock = clock;
        this.smtp = properties.smtp().isConfigured() ? new SmtpTransport(properties.smtp()) : null;
        this.folder = platform.environment().isProduction() ? null : new MailFolder(properties.dir());
        if (smtp == null && folder == null) {
            log.warn("No SMTP server is configured: e-mail waits in the outbox until selvedge.mail.smtp.host is set");
        }
    }

    @Scheduled(fixedDelayString = "${selvedge.mail.retry.poll-every:5s}")
    @SchedulerLock(name = "notify.mail-dispatcher", lockAtMostFor = "5m")
    void dispatchDue() {
        if (smtp == null && folder == null) {
            return;
        }
        Instant now = clock.instant();
        for (OutboxEntry entry : entries.claimDue(now, now.plus(CLAIM), BATCH)) {
            deliver(entry);
        }
    }

    private void deliver(OutboxEntry entry) {
        try {
            Session session = smtp != null ? smtp.session() : Session.getInstance(new Properties());
            MimeMessage message = MimeMessages.of(session, properties.from(), entry.id(), entry.mail(), clock);
            if (folder != null) {
                folder.write(entry.id(), message);
            }
            if (smtp != null) {
                smtp.send(message);
            }
            entries.markSent(entry.id(), clock.instant());
            log.info("Delivered mail {} ({})", entry.id(), smtp != null ? "SMTP" : "mail folder only");
        } catch (MessagingException | IOException | RuntimeException e) {
            int attempt = entry.attempts() + 1;
            boolean dead = attempt >= properties.retry().attempts();
            Instant next = clock.instant().plus(backoff(attempt));
            entries.markFailed(entry.id(), describe(e), next, dead);
            if (dead) {
                log.error("Mail {} is a dead letter after {} attempts: {}", entry.id(), attempt, describe(e));
            } else {
                log.warn(
                        "Mail {} not delivered (attempt {}), next try at {}: {}",
                        entry.id(),
                        attempt,
                        next,
                        describe(e));
            }
        }
    }

    Duration backoff(int attempt) {
        Duration wait = properties.retry().first();
        for (int i = 1; i < attempt && wait.compareTo(properties.retry().longest()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(properties.retry().longest()) > 0
                ? properties.retry().longest()
                : wait;
    }

    /** The failure's kind and the SMTP server's words, which hold no content of the mail. */
    private static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e.getClass().getSimpleName()
                + (root != e ? " / " + root.getClass().getSimpleName() : "") + ": "
                + String.valueOf(e.getMessage()).replaceAll("[\\r\\n]+", " ");
    }
}
