package io.selvedge.notify.internal;

import io.selvedge.notify.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.UUID;

/** Turns an outbox entry into the MIME message that is sent and filed. */
final class MimeMessages {

    private MimeMessages() {}

    static MimeMessage of(Session session, String from, UUID id, OutgoingMail mail, Clock clock)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                // The outbox id makes the Message-ID stable across retries, so receivers can drop duplicates.
                setHeader("Message-ID", "<" + id + "@selvedge>");
            }
        };
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.to(), true));
        message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        if (mail.htmlBody() == null) {
            message.setText(mail.textBody(), StandardCharsets.UTF_8.name());
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.textBody(), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.htmlBody(), StandardCharsets.UTF_8.name(), "html");
            MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
            message.setContent(alternatives);
        }
        message.saveChanges();
        return message;
    }
}
