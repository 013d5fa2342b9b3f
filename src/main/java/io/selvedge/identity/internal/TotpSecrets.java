package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The account_totp and recovery_code tables of the global store. The secret arrives here encrypted. */
@Repository
class TotpSecrets {

    /** A row of account_totp; {@code lastUsedStep} is {@code Long.MIN_VALUE} when no code was used. */
    record StoredTotp(String encryptedSecret, boolean confirmed, long lastUsedStep) {

        @Override
        public String toString() {
            return "StoredTotp[confirmed=" + confirmed + "]";
        }
    }

    private final JdbcTemplate jdbc;

    TotpSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredTotp> find(UUID accountId) {
        return jdbc
                .query(
                        "select secret, confirmed_at, last_used_step from account_totp where account_id = ?",
                        (row, number) -> {
                            long last = row.getLong("last_used_step");
                            return new StoredTotp(
                                    row.getString("secret"),
                                    row.getTimestamp("confirmed_at") != null,
                                    row.wasNull() ? Long.MIN_VALUE : last);
                        },
                        accountId)
                .stream()
                .findFirst();
    }

    /** Replaces a pending (unconfirmed) secret; false if the account has a confirmed one. */
    boolean savePending(UUID accountId, String encryptedSecret, Instant now) {
        jdbc.update("delete from account_totp where account_id = ? and confirmed_at is null", accountId);
        if (find(accountId).isPresent()) {
            return false;
        }
        jdbc.update(
                "insert into account_totp (account_id, secret, created_at) values (?, ?, ?)",
                accountId,
                encryptedSecret,
                Timestamp.from(now));
        return true;
    }

    /** Confirms the pending secret, spending {@code step}; false if another request was first. */
    boolean confirm(UUID accountId, long step, Instant now) {
        return jdbc.update(
                        "update account_totp set confirmed_at = ?, last_used_step = ?"
                                + " where account_id = ? and confirmed_at is null",
                        Timestamp.from(now),
                        step,
                        accountId)
                == 1;
    }

    /** Spends a time step: true only if no code of this step or a later one was used before. */
    boolean spend(UUID accountId, long step) {
        return jdbc.update(
                        "update account_totp set last_used_step = ? where account_id = ?"
                                + " and confirmed_at is not null and (last_used_step is null or last_used_step < ?)",
                        step,
                        accountId,
                        step)
                == 1;
    }

    void delete(UUID accountId) {
        jdbc.update("delete from recovery_code where account_id = ?", accountId);
        jdbc.update("delete from account_totp where account_id = ?", accountId);
    }

    int recoveryCodesLeft(UUID accountId) {
        Integer count = jdbc.queryForObject(
                "select count(*) from recovery_code where account_id = ?", Integer.class, accountId);
        return count == null ? 0 : count;
    }

    void replaceRecoveryCodes(UUID accountId, List<String> hashes) {
        jdbc.update("delete from recovery_code where account_id = ?", accountId);
        for (String hash : hashes) {
            jdbc.update("insert into recovery_code (account_id, code_hash) values (?, ?)", accountId, hash);
        }
    }

    /** Deletes a recovery code; true only for the one request that deleted it. */
    boolean spendRecoveryCode(UUID accountId, String hash) {
        return jdbc.update("delete from recovery_code where account_id = ? and code_hash = ?", accountId, hash) == 1;
    }
}
