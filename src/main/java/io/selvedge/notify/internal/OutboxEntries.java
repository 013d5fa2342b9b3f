package io.selvedge.notify.internal;

import io.selvedge.crypto.FieldCiphers;
import io.selvedge.notify.OutgoingMail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table of the global store. Recipient, subject and bodies are personal data and
 * are stored encrypted under the global directory's keys, each bound to its row and column.
 */
@Repository
class OutboxEntries {

    private static final String TABLE = "mail_outbox";

    private final JdbcTemplate jdbc;
    private final FieldCiphers ciphers;

    OutboxEntries(JdbcTemplate jdbc, FieldCiphers ciphers) {
        this.jdbc = jdbc;
        this.ciphers = ciphers;
    }

    private String seal(String text, String column, UUID id) {
        return text == null ? null : ciphers.directory().encryptText(text, TABLE, column, id.toString());
    }

    private String open(String ciphertext, String column, UUID id) {
        return ciphertext == null ? null : ciphers.directory().decryptText(ciphertext, TABLE, column, id.toString());
    }

    void insert(UUID id, OutgoingMail mail, Instant now) {
        jdbc.update(
                "insert into mail_outbox (id, recipient, subject, text_body, html_body, status, attempts,"
                        + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)",
                id,
                seal(mail.to(), "recipient", id),
                seal(mail.subject(), "subject", id),
                seal(mail.textBody(), "text_body", id),
                seal(mail.htmlBody(), "html_body", id),
                OutboxStatus.PENDING.name(),
                Timestamp.from(now),
                Timestamp.from(now));
    }

    /**
     * Claims up to {@code limit} due entries for this node until {@code claimedUntil}, so that two nodes
     * never send the same mail at once; a node that dies mid-send lets its claim lapse.
     */
    List<OutboxEntry> claimDue(Instant now, Instant claimedUntil, int limit) {
        List<UUID> candidates = jdbc.query(
                "select id from mail_outbox where status = ? and next_attempt_at <= ?"
                        + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at",
                (row, n) -> row.getObject(1, UUID.class),
                OutboxStatus.PENDING.name(),
                Timestamp.from(now),
                Timestamp.from(now));
        List<OutboxEntry> claimed = new ArrayList<>();
        for (UUID id : candidates.subList(0, Math.min(limit, candidates.size()))) {
            int won = jdbc.update(
                    "update mail_outbox set claimed_until = ? where id = ? and status = ?"
                            + " and (claimed_until is null or claimed_until < ?)",
                    Timestamp.from(claimedUntil),
                    id,
                    OutboxStatus.PENDING.name(),
                    Timestamp.from(now));
            if (won == 1) {
                claimed.add(load(id));
            }
        }
        return claimed;
    }

    private OutboxEntry load(UUID id) {
        return jdbc.queryForObject(
                "select id, recipient, subject, text_body, html_body, attempts from mail_outbox where id = ?",
                (row, n) -> new OutboxEntry(
                        id,
                        new OutgoingMail(
                                open(row.getString("recipient"), "recipient", id),
                                open(row.getString("subject"), "subject", id),
                                open(row.getString("text_body"), "text_body", id),
                                open(row.getString("html_body"), "html_body", id)),
                        row.getInt("attempts")),
                id);
    }

    void markSent(UUID id, Instant now) {
        jdbc.update(
                "update mail_outbox set status = ?, sent_at = ?, claimed_until = null, attempts = attempts + 1"
                        + " where id = ?",
                OutboxStatus.SENT.name(),
                Timestamp.from(now),
                id);
    }

    void markFailed(UUID id, String error, Instant nextAttempt, boolean dead) {
        jdbc.update(
                "update mail_outbox set status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                        + " claimed_until = null, last_error = ? where id = ?",
                (dead ? OutboxStatus.DEAD : OutboxStatus.PENDING).name(),
                Timestamp.from(nextAttempt),
                error.length() > 500 ? error.substring(0, 500) : error,
                id);
    }

    /** A dead letter goes back to the queue, for its next attempt now. */
    boolean requeue(UUID id, Instant now) {
        return jdbc.update(
                        "update mail_outbox set status = ?, attempts = 0, next_attempt_at = ? where id = ? and status = ?",
                        OutboxStatus.PENDING.name(),
                        Timestamp.from(now),
                        id,
                        OutboxStatus.DEAD.name())
                == 1;
    }

    Map<OutboxStatus, Long> countByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.query("select status, count(*) from mail_outbox group by status", row -> {
            counts.put(OutboxStatus.valueOf(row.getString(1)), row.getLong(2));
        });
        return counts;
    }

    /** Dead letters for operators: no content, only what tells them what happened. */
    List<DeadLetter> deadLetters() {
        return jdbc.query(
                "select id, created_at, attempts, last_error from mail_outbox where status = ? order by created_at",
                (row, n) -> new DeadLetter(
                        row.getObject("id", UUID.class),
                        row.getTimestamp("created_at").toInstant(),
                        row.getInt("attempts"),
                        row.getString("last_error")),
                OutboxStatus.DEAD.name());
    }

    OutboxStatus statusOf(UUID id) {
        return OutboxStatus.valueOf(
                jdbc.queryForObject("select status from mail_outbox where id = ?", String.class, id));
    }

    record DeadLetter(UUID id, Instant createdAt, int attempts, String lastError) {}
}
