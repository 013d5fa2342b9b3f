package io.selvedge.identity.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The account_totp and recovery_code tables of the global store. The secret arrives here encrypted. */
@Repository
@RequiredArgsConstructor
class TotpSecrets {

    /** The encrypted column of a TOTP secret, declared once (sealed by {@link AccountTotp}). */
    static final EncryptedTable TABLE = EncryptedTable.named("account_totp");

    static final EncryptedColumn SECRET = TABLE.column("secret");

    /** A row of account_totp; {@code lastUsedStep} is {@code Long.MIN_VALUE} when no code was used. */
    record StoredTotp(String encryptedSecret, boolean confirmed, long lastUsedStep) {

        @Override
        public String toString() {
            return "StoredTotp[confirmed=" + confirmed + "]";
        }
    }

    private final JdbcClient jdbc;

    Optional<StoredTotp> find(UUID accountId) {
        return jdbc.sql("select secret, confirmed_at, last_used_step from account_totp where account_id = ?")
                .param(accountId)
                .query((row, number) -> {
                    long last = row.getLong("last_used_step");
                    return new StoredTotp(
                            row.getString("secret"),
                            row.getTimestamp("confirmed_at") != null,
                            row.wasNull() ? Long.MIN_VALUE : last);
                })
                .optional();
    }

    /** Replaces a pending (unconfirmed) secret; false if the account has a confirmed one. */
    boolean savePending(UUID accountId, String encryptedSecret, Instant now) {
        jdbc.sql("delete from account_totp where account_id = ? and confirmed_at is null")
                .param(accountId)
                .update();
        if (find(accountId).isPresent()) {
            return false;
        }
        jdbc.sql("insert into account_totp (account_id, secret, created_at) values (?, ?, ?)")
                .params(accountId, encryptedSecret, Timestamp.from(now))
                .update();
        return true;
    }

    /** Confirms the pending secret, spending {@code step}; false if another request was first. */
    boolean confirm(UUID accountId, long step, Instant now) {
        return jdbc.sql("update account_totp set confirmed_at = ?, last_used_step = ?"
                                + " where account_id = ? and confirmed_at is null")
                        .params(Timestamp.from(now), step, accountId)
                        .update()
                == 1;
    }

    /** Spends a time step: true only if no code of this step or a later one was used before. */
    boolean spend(UUID accountId, long step) {
        return jdbc.sql("update account_totp set last_used_step = ? where account_id = ?"
                                + " and confirmed_at is not null and (last_used_step is null or last_used_step < ?)")
                        .params(step, accountId, step)
                        .update()
                == 1;
    }

    void delete(UUID accountId) {
        jdbc.sql("delete from recovery_code where account_id = ?")
                .param(accountId)
                .update();
        jdbc.sql("delete from account_totp where account_id = ?")
                .param(accountId)
                .update();
    }

    int recoveryCodesLeft(UUID accountId) {
        return jdbc.sql("select count(*) from recovery_code where account_id = ?")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    void replaceRecoveryCodes(UUID accountId, List<String> hashes) {
        jdbc.sql("delete from recovery_code where account_id = ?")
                .param(accountId)
                .update();
        for (String hash : hashes) {
            jdbc.sql("insert into recovery_code (account_id, code_hash) values (?, ?)")
                    .params(accountId, hash)
                    .update();
        }
    }

    /** Deletes a recovery code; true only for the one request that deleted it. */
    boolean spendRecoveryCode(UUID accountId, String hash) {
        return jdbc.sql("delete from recovery_code where account_id = ? and code_hash = ?")
                        .params(accountId, hash)
                        .update()
                == 1;
    }
}
