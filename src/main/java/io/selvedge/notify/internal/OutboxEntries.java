package io.selvedge.notify.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.notify.OutgoingMail;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code mail_outbox} table of the global store. Recipient, subject and bodies are personal data and
 * are stored encrypted under the global directory's keys, each bound to its row and column.
 */
@Repository
@RequiredArgsConstructor
class OutboxEntries {

    /** The encrypted columns of a mail, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("mail_outbox");

    static final EncryptedColumn RECIPIENT = TABLE.column("recipient");
    static final EncryptedColumn SUBJECT = TABLE.column("subject");
    static final EncryptedColumn TEXT_BODY = TABLE.column("text_body");
    static final EncryptedColumn HTML_BODY = TABLE.column("html_body");

    private final JdbcClient jdbc;
    private final FieldCiphers ciphers;

    private String seal(String text, EncryptedColumn column, UUID id) {
        return column.encrypt(ciphers.directory(), text, id);
    }

    private String open(String ciphertext, EncryptedColumn column, UUID id) {
        return column.decrypt(ciphers.directory(), ciphertext, id);
    }

    void insert(UUID id, OutgoingMail mail, Instant now) {
        jdbc.sql("insert into mail_outbox (id, recipient, subject, text_body, html_body, status, attempts,"
                        + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?)")
                .params(
                        id,
                        seal(mail.to(), RECIPIENT, id),
                        seal(mail.subject(), SUBJECT, id),
                        seal(mail.textBody(), TEXT_BODY, id),
                        seal(mail.htmlBody(), HTML_BODY, id),
                        OutboxStatus.PENDING.name(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /**
     * Claims up to {@code limit} due entries for this node until {@code claimedUntil}, so that two nodes
     * never send the same mail at once; a node that dies mid-send lets its claim lapse.
     */
    List<OutboxEntry> claimDue(Instant now, Instant claimedUntil, int limit) {
        List<UUID> candidates = jdbc.sql("select id from mail_outbox where status = ? and next_attempt_at <= ?"
                        + " and (claimed_until is null or claimed_until < ?) order by next_attempt_at")
                .params(OutboxStatus.PENDING.name(), Timestamp.from(now), Timestamp.from(now))
                .query((row, n) -> row.getObject(1, UUID.class))
                .list();
        List<OutboxEntry> claimed = new ArrayList<>();
        for (UUID id : candidates.subList(0, Math.min(limit, candidates.size()))) {
            int won = jdbc.sql("update mail_outbox set claimed_until = ? where id = ? and status = ?"
                            + " and (claimed_until is null or claimed_until < ?)")
                    .params(Timestamp.from(claimedUntil), id, OutboxStatus.PENDING.name(), Timestamp.from(now))
                    .update();
            if (won == 1) {
                claimed.add(load(id));
            }
        }
        return claimed;
    }

    private OutboxEntry load(UUID id) {
        return jdbc.sql("select id, recipient, subject, text_body, html_body, attempts from mail_outbox where id = ?")
                .param(id)
                .query((row, n) -> new OutboxEntry(
                        id,
                        new OutgoingMail(
                                open(row.getString("recipient"), RECIPIENT, id),
                                open(row.getString("subject"), SUBJECT, id),
                                open(row.getString("text_body"), TEXT_BODY, id),
                                open(row.getString("html_body"), HTML_BODY, id)),
                        row.getInt("attempts")))
                .single();
    }

    void markSent(UUID id, Instant now) {
        jdbc.sql("update mail_outbox set status = ?, sent_at = ?, claimed_until = null, attempts = attempts + 1"
                        + " where id = ?")
                .params(OutboxStatus.SENT.name(), Timestamp.from(now), id)
                .update();
    }

    void markFailed(UUID id, String error, Instant nextAttempt, boolean dead) {
        jdbc.sql("update mail_outbox set status = ?, attempts = attempts + 1, next_attempt_at = ?,"
                        + " claimed_until = null, last_error = ? where id = ?")
                .params(
                        (dead ? OutboxStatus.DEAD : OutboxStatus.PENDING).name(),
                        Timestamp.from(nextAttempt),
                        error.length() > 500 ? error.substring(0, 500) : error,
                        id)
                .update();
    }

    /** A dead letter goes back to the queue, for its next attempt now. */
    boolean requeue(UUID id, Instant now) {
        return jdbc.sql(
                                "update mail_outbox set status = ?, attempts = 0, next_attempt_at = ? where id = ? and status = ?")
                        .params(OutboxStatus.PENDING.name(), Timestamp.from(now), id, OutboxStatus.DEAD.name())
                        .update()
                == 1;
    }

    Map<OutboxStatus, Long> countByStatus() {
        Map<OutboxStatus, Long> counts = new EnumMap<>(OutboxStatus.class);
        for (OutboxStatus status : OutboxStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) from mail_outbox group by status").query(row -> {
            counts.put(OutboxStatus.valueOf(row.getString(1)), row.getLong(2));
        });
        return counts;
    }

    /** Dead letters for operators: no content, only what tells them what happened. */
    List<DeadLetter> deadLetters() {
        return jdbc.sql(
                        "select id, created_at, attempts, last_error from mail_outbox where status = ? order by created_at")
                .param(OutboxStatus.DEAD.name())
                .query((row, n) -> new DeadLetter(
                        row.getObject("id", UUID.class),
                        row.getTimestamp("created_at").toInstant(),
                        row.getInt("attempts"),
                        row.getString("last_error")))
                .list();
    }

    OutboxStatus statusOf(UUID id) {
        return OutboxStatus.valueOf(jdbc.sql("select status from mail_outbox where id = ?")
                .param(id)
                .query(String.class)
                .single());
    }

    record DeadLetter(UUID id, Instant createdAt, int attempts, String lastError) {}
}
