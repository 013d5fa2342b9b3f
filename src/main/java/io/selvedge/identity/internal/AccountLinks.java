package io.selvedge.identity.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCiphers;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account_link table: single-use links mailed to an account's owner (password reset, confirmation of
 * a new address), valid for an hour. The secret (256 random bits) goes only into the mail; the table keeps
 * its SHA-256, and the new address of an e-mail change encrypted.
 */
@Repository
@RequiredArgsConstructor
class AccountLinks {

    /** The encrypted column of a link, declared once: the new address of an e-mail change. */
    static final EncryptedTable TABLE = EncryptedTable.named("account_link");

    static final EncryptedColumn NEW_EMAIL = TABLE.column("new_email");

    static final Duration LIFETIME = Duration.ofHours(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    enum Purpose {
        PASSWORD_RESET,
        EMAIL_CHANGE
    }

    /** A link that was valid when spent. */
    record SpentLink(UUID id, UUID accountId, String newEmail) {

        @Override
        public String toString() {
            return "SpentLink[id=" + id + "]";
        }
    }

    private final JdbcClient jdbc;
    private final FieldCiphers ciphers;
    private final Clock clock;

    /** A new link's secret, for the mail only; the account's earlier links of this purpose die with it. */
    String issue(UUID accountId, Purpose purpose, String newEmail) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        kill(accountId, purpose);
        jdbc.sql("insert into account_link (id, token_hash, account_id, purpose, new_email, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        SetupLinks.hash(token),
                        accountId,
                        purpose.name(),
                        NEW_EMAIL.encrypt(ciphers.directory(), newEmail, id),
                        Timestamp.from(now),
                        Timestamp.from(now.plus(LIFETIME)))
                .update();
        return token;
    }

    boolean isValid(String token, Purpose purpose) {
        return jdbc.sql("select count(*) from account_link where token_hash = ? and purpose = ? and used_at is null"
                                + " and expires_at > ?")
                        .params(SetupLinks.hash(token), purpose.name(), Timestamp.from(clock.instant()))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The account a link was issued for, valid or not (for the audit trail of a failed use). */
    Optional<UUID> accountOf(String token, Purpose purpose) {
        return jdbc
                .sql("select account_id from account_link where token_hash = ? and purpose = ?")
                .params(SetupLinks.hash(token), purpose.name())
                .query((row, n) -> row.getObject(1, UUID.class))
                .list()
                .stream()
                .findFirst();
    }

    /** Marks the link used and returns it; empty if it was not valid (so two requests cannot both use it). */
    Optional<SpentLink> spend(String token, Purpose purpose) {
        String hash = SetupLinks.hash(token);
        Timestamp now = Timestamp.from(clock.instant());
        int spent = jdbc.sql(
                        "update account_link set used_at = ? where token_hash = ? and purpose = ? and used_at is null"
                                + " and expires_at > ?")
                .params(now, hash, purpose.name(), now)
                .update();
        if (spent != 1) {
            return Optional.empty();
        }
        return jdbc
                .sql("select id, account_id, new_email from account_link where token_hash = ?")
                .param(hash)
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new SpentLink(
                            id,
                            row.getObject("account_id", UUID.class),
                            NEW_EMAIL.decrypt(ciphers.directory(), row.getString("new_email"), id));
                })
                .list()
                .stream()
                .findFirst();
    }

    /** Every unused link of the account for this purpose stops working. */
    void kill(UUID accountId, Purpose purpose) {
        jdbc.sql("update account_link set used_at = ? where account_id = ? and purpose = ? and used_at is null")
                .params(Timestamp.from(clock.instant()), accountId, purpose.name())
                .update();
    }
}
