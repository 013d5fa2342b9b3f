package io.selvedge.notify;

import java.util.Objects;

/**
 * One e-mail to one person, with a plain-text body and optionally an HTML one. Its text never appears in
 * a log: {@link #toString()} names only the recipient's domain.
 */
public record OutgoingMail(String to, String subject, String textBody, String htmlBody) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(textBody, "textBody");
        if (to.isBlank() || to.indexOf('@') < 1 || to.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("Not an e-mail address");
        }
        if (subject.chars().anyMatch(c -> c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("A subject is one line");
        }
    }

    public static OutgoingMail text(String to, String subject, String textBody) {
        return new OutgoingMail(to, subject, textBody, null);
    }

    @Override
    public String toString() {
        return "OutgoingMail[to=…@" + to.substring(to.indexOf('@') + 1) + "]";
    }
}
