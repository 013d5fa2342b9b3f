package io.selvedge.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The account table of the global store. */
@Repository
class Accounts {

    private static final String SELECT =
            "select id, username, password_hash, staff_role, status, mfa_enrolled from account";

    private final JdbcTemplate jdbc;

    Accounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean anyPlatformAdmin() {
        Integer count = jdbc.queryForObject(
                "select count(*) from account where staff_role = ?", Integer.class, StaffRole.PLATFORM_ADMIN.name());
        return count != null && count > 0;
    }

    Optional<Account> findByUsername(String username) {
        return jdbc.query(SELECT + " where username = ?", Accounts::toAccount, username).stream()
                .findFirst();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.query(SELECT + " where id = ?", Accounts::toAccount, id).stream()
                .findFirst();
    }

    Account createStaff(String username, String passwordHash, StaffRole role) {
        Account account = new Account(UUID.randomUUID(), username, passwordHash, role, AccountStatus.ACTIVE, false);
        jdbc.update(
                "insert into account (id, username, password_hash, staff_role, status, created_at) values (?, ?, ?, ?, ?, ?)",
                account.id(),
                account.username(),
                account.passwordHash(),
                role.name(),
                account.status().name(),
                Timestamp.from(Instant.now()));
        return account;
    }

    void changePasswordHash(String username, String passwordHash) {
        jdbc.update("update account set password_hash = ? where username = ?", passwordHash, username);
    }

    void setMfaEnrolled(UUID id, boolean enrolled) {
        jdbc.update("update account set mfa_enrolled = ? where id = ?", enrolled, id);
    }

    void recordSignIn(String username) {
        jdbc.update(
                "update account set last_sign_in_at = ? where username = ?", Timestamp.from(Instant.now()), username);
    }

    Optional<io.selvedge.identity.AccountSummary> summaryOf(UUID id) {
        return jdbc
                .query(
                        "select id, username, staff_role, mfa_enrolled, created_at, last_sign_in_at from account"
                                + " where id = ?",
                        (row, number) -> {
                            Timestamp lastSignIn = row.getTimestamp("last_sign_in_at");
                            return new io.selvedge.identity.AccountSummary(
                                    row.getObject("id", UUID.class),
                                    row.getString("username"),
                                    row.getString("staff_role"),
                                    row.getBoolean("mfa_enrolled"),
                                    row.getTimestamp("created_at").toInstant(),
                                    lastSignIn == null ? null : lastSignIn.toInstant());
                        },
                        id)
                .stream()
                .findFirst();
    }

    private static Account toAccount(ResultSet row, int number) throws SQLException {
        String staffRole = row.getString("staff_role");
        return new Account(
                row.getObject("id", UUID.class),
                row.getString("username"),
                row.getString("password_hash"),
                staffRole == null ? null : StaffRole.valueOf(staffRole),
                AccountStatus.valueOf(row.getString("status")),
                row.getBoolean("mfa_enrolled"));
    }
}
