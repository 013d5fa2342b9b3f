package io.selvedge.testing;

import io.selvedge.notify.MailProperties;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The mail an installation sent, read from the {@code .eml} copies it files outside production. Mail goes
 * out through the outbox, after the action's commit: {@link #awaitMail} waits for it (a test server polls
 * the outbox often when started with {@link #FAST_DELIVERY}), and fails the test if it never comes.
 */
public final class Mailbox {

    /** The property that makes a test server deliver its outbox every tenth of a second. */
    public static final String FAST_DELIVERY = "selvedge.mail.retry.poll-every";

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final Path dir;
    private final Runnable deliver;

    private Mailbox(Path dir, Runnable deliver) {
        this.dir = dir;
        this.deliver = deliver;
    }

    public static Mailbox of(TestServer server) {
        return new Mailbox(server.bean(MailProperties.class).dir(), () -> {});
    }

    /** The mail folder {@code dir} of a server that does not poll its outbox: {@code deliverNow} delivers it. */
    public static Mailbox at(Path dir, Runnable deliverNow) {
        return new Mailbox(dir, deliverNow);
    }

    /** A delivered mail: recipient, subject and both bodies. */
    public record Mail(String to, String subject, String text, String html, Path file) {

        /** The first link of the plain-text body that starts with {@code https://} and contains {@code path}. */
        public String link(String path) {
            Matcher link = Pattern.compile("https://\\S*" + Pattern.quote(path) + "\\S*")
                    .matcher(text);
            if (!link.find()) {
                throw new AssertionError("no link to " + path + " in the mail " + subject);
            }
            return link.group();
        }

        /** The last segment of {@link #link}: the link's secret. */
        public String secretOf(String path) {
            String link = link(path);
            return link.substring(link.lastIndexOf('/') + 1);
        }
    }

    /** Every mail delivered to {@code to} so far, oldest first. */
    public List<Mail> to(String to) {
        return all().stream().filter(mail -> mail.to().equalsIgnoreCase(to)).toList();
    }

    /** Waits until {@code count} mails to {@code to} have the subject part, and returns them, oldest first. */
    public List<Mail> awaitMail(String to, String subjectPart, int count) {
        Predicate<Mail> wanted =
                mail -> mail.to().equalsIgnoreCase(to) && mail.subject().contains(subjectPart);
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            deliver.run();
            List<Mail> found = all().stream().filter(wanted).toList();
            if (found.size() >= count) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("after " + PATIENCE + ", " + found.size() + " of " + count + " mails to " + to
                        + " about \"" + subjectPart + "\"; the folder holds " + all().size() + " mails");
            }
            pause();
        }
    }

    /** The last of the mails {@link #awaitMail} waited for. */
    public Mail awaitLast(String to, String subjectPart, int count) {
        List<Mail> found = awaitMail(to, subjectPart, count);
        return found.get(found.size() - 1);
    }

    private List<Mail> all() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> emls = files.filter(file -> file.toString().endsWith(".eml"))
                    .sorted(Comparator.comparing(Mailbox::modified).thenComparing(Path::toString))
                    .toList();
            List<Mail> mails = new ArrayList<>();
            for (Path file : emls) {
                Mail mail = read(file);
                if (mail != null) {
                    mails.add(mail);
                }
            }
            return mails;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mail in the file; null while the file is still being written. */
    private static Mail read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String to = ((InternetAddress) message.getAllRecipients()[0]).getAddress();
            String text = null;
            String html = null;
            Object content = message.getContent();
            if (content instanceof Multipart parts) {
                for (int i = 0; i < parts.getCount(); i++) {
                    BodyPart part = parts.getBodyPart(i);
                    if (part.isMimeType("text/plain")) {
                        text = String.valueOf(part.getContent());
                    } else if (part.isMimeType("text/html")) {
                        html = String.valueOf(part.getContent());
                    }
                }
            } else {
                text = String.valueOf(content);
            }
            return new Mail(to, message.getSubject(), text, html, file);
        } catch (MessagingException | IOException | RuntimeException stillBeingWritten) {
            return null;
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
