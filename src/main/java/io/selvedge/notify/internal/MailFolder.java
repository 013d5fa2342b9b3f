package io.selvedge.notify.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import lombok.RequiredArgsConstructor;

/**
 * The development copy of every mail: an {@code .eml} file per mail in the mail folder, which any mail
 * program opens. Never written in production, where mail holds real people's data.
 */
@RequiredArgsConstructor
final class MailFolder {

    private final Path dir;

    Path file(UUID id) {
        return dir.resolve(id + ".eml");
    }

    void write(UUID id, MimeMessage message) throws IOException, MessagingException {
        Files.createDirectories(dir);
        try (OutputStream out = Files.newOutputStream(file(id))) {
            message.writeTo(out);
        }
    }
}
