package io.selvedge.identity.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.crypto.FieldCipher;
import io.selvedge.crypto.FieldCiphers;
import io.selvedge.identity.AccountSummary;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The account table of the global store. The e-mail address and the display name are encrypted under the
 * directory keys, bound to their row and column; an address is found through its blind index.
 */
@Repository
@RequiredArgsConstructor
class Accounts {

    /** The encrypted columns of an account, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("account");

    static final EncryptedColumn EMAIL = TABLE.column("email");
    static final EncryptedColumn DISPLAY_NAME = TABLE.column("display_name");

    static final String EMAIL_INDEX = "account.email";

    private static final String SELECT =
            "select id, username, password_hash, staff_role, status, mfa_enrolled from account";
    private static final String SUMMARY = "select id, username, staff_role, mfa_enrolled, created_at,"
            + " last_sign_in_at, email, display_name from account";

    private final JdbcClient jdbc;
    private final FieldCiphers ciphers;

    boolean anyPlatformAdmin() {
        return jdbc.sql("select count(*) from account where staff_role = ?")
                        .param(StaffRole.PLATFORM_ADMIN.name())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The staff accounts, by username, as the access review lists them. */
    List<StaffRow> staff() {
        return jdbc.sql(
                        "select id, username, staff_role, status, mfa_enrolled, created_at, last_sign_in_at from account"
                                + " where staff_role is not null order by username")
                .query((row, number) -> {
                    Timestamp lastSignIn = row.getTimestamp("last_sign_in_at");
                    return new StaffRow(
                            row.getObject("id", UUID.class),
                            row.getString("username"),
                            StaffRole.valueOf(row.getString("staff_role")),
                            AccountStatus.valueOf(row.getString("status")),
                            row.getBoolean("mfa_enrolled"),
                            row.getTimestamp("created_at").toInstant(),
                            lastSignIn == null ? null : lastSignIn.toInstant());
                })
                .list();
    }

    record StaffRow(
            UUID id,
            String username,
            StaffRole role,
            AccountStatus status,
            boolean mfaEnrolled,
            Instant createdAt,
            Instant lastSignInAt) {}

    /** Active platform admins, the one who may not be reviewed away last. */
    int activePlatformAdmins() {
        return jdbc.sql("select count(*) from account where staff_role = ? and status = ?")
                .params(StaffRole.PLATFORM_ADMIN.name(), AccountStatus.ACTIVE.name())
                .query(Integer.class)
                .single();
    }

    void removeStaffRole(UUID id) {
        jdbc.sql("update account set staff_role = null where id = ?").param(id).update();
    }

    Optional<Account> findByUsername(String username) {
        if (username.indexOf('\u0000') >= 0) {
            return Optional.empty(); // no name holds a NUL, and PostgreSQL refuses one in a query (a 500)
        }
        return findWhere("username", username);
    }

    Optional<Account> findById(UUID id) {
        return findWhere("id", id);
    }

    /** The account with this address, given in its normalised form. */
    Optional<Account> findByEmail(String normalisedEmail) {
        return findWhere("email_index", emailIndex(normalisedEmail));
    }

    /** The account whose unique {@code column} (a constant of this class, never input) holds the value. */
    private Optional<Account> findWhere(String column, Object value) {
        return jdbc.sql(SELECT + " where " + column + " = ?")
                .param(value)
                .query(Accounts::toAccount)
                .optional();
    }

    boolean usernameTaken(String username) {
        return findByUsername(username).isPresent();
    }

    boolean emailTaken(String normalisedEmail) {
        return findByEmail(normalisedEmail).isPresent();
    }

    Account createStaff(String username, String passwordHash, StaffRole role) {
        return createStaff(username, passwordHash, role, null);
    }

    Account createStaff(String username, String passwordHash, StaffRole role, String normalisedEmail) {
        return insert(username, passwordHash, role, normalisedEmail, null);
    }

    Account createCustomer(String username, String passwordHash, String normalisedEmail, String displayName) {
        return insert(username, passwordHash, null, normalisedEmail, displayName);
    }

    private Account insert(
            String username, String passwordHash, StaffRole role, String normalisedEmail, String displayName) {
        Account account = new Account(UUID.randomUUID(), username, passwordHash, role, AccountStatus.ACTIVE, false);
        jdbc.sql("insert into account (id, username, password_hash, staff_role, status, created_at, email, email_index,"
                        + " display_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        account.id(),
                        account.username(),
                        account.passwordHash(),
                        role == null ? null : role.name(),
                        account.status().name(),
                        Timestamp.from(Instant.now()),
                        EMAIL.encrypt(directory(), normalisedEmail, account.id()),
                        normalisedEmail == null ? null : emailIndex(normalisedEmail),
                        DISPLAY_NAME.encrypt(directory(), displayName, account.id()))
                .update();
        return account;
    }

    /** Sets the address; the unique index refuses one that another account has (DuplicateKeyException). */
    void changeEmail(UUID id, String normalisedEmail) {
        jdbc.sql("update account set email = ?, email_index = ? where id = ?")
                .params(EMAIL.encrypt(directory(), normalisedEmail, id), emailIndex(normalisedEmail), id)
                .update();
    }

    void changeDisplayName(UUID id, String displayName) {
        jdbc.sql("update account set display_name = ? where id = ?")
                .params(DISPLAY_NAME.encrypt(directory(), displayName, id), id)
                .update();
    }

    /** The account's address in clear, or null when it has none. */
    String emailOf(UUID id) {
        List<String> found = jdbc.sql("select email from account where id = ?")
                .param(id)
                .query(String.class)
                .list();
        return found.isEmpty() ? null : EMAIL.decrypt(directory(), found.get(0), id);
    }

    void changePasswordHash(String username, String passwordHash) {
        jdbc.sql("update account set password_hash = ? where username = ?")
                .params(passwordHash, username)
                .update();
    }

    void setStatus(UUID id, AccountStatus status) {
        jdbc.sql("update account set status = ? where id = ?")
                .params(status.name(), id)
                .update();
    }

    /** Deletes the row; tokens, TOTP, recovery codes and links go with it (their keys cascade). */
    void delete(UUID id) {
        jdbc.sql("delete from account where id = ?").param(id).update();
    }

    void setMfaEnrolled(UUID id, boolean enrolled) {
        jdbc.sql("update account set mfa_enrolled = ? where id = ?")
                .params(enrolled, id)
                .update();
    }

    void recordSignIn(String username) {
        jdbc.sql("update account set last_sign_in_at = ? where username = ?")
                .params(Timestamp.from(Instant.now()), username)
                .update();
    }

    Optional<AccountSummary> summaryOf(UUID id) {
        return jdbc.sql(SUMMARY + " where id = ?")
                .param(id)
                .query(this::toSummary)
                .optional();
    }

    Map<UUID, AccountSummary> summariesOf(Collection<UUID> ids) {
        Map<UUID, AccountSummary> found = new LinkedHashMap<>();
        List<UUID> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + 100));
            String marks = chunk.stream().map(id -> "?").collect(Collectors.joining(", "));
            jdbc.sql(SUMMARY + " where id in (" + marks + ")")
                    .params(chunk.toArray())
                    .query(this::toSummary)
                    .list()
                    .forEach(summary -> found.put(summary.id(), summary));
        }
        return found;
    }

    String emailIndex(String normalisedEmail) {
        return HexFormat.of().formatHex(directory().blindIndex(EMAIL_INDEX, normalisedEmail));
    }

    private AccountSummary toSummary(ResultSet row, int number) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        Timestamp lastSignIn = row.getTimestamp("last_sign_in_at");
        return new AccountSummary(
                id,
                row.getString("username"),
                row.getString("staff_role"),
                row.getBoolean("mfa_enrolled"),
                row.getTimestamp("created_at").toInstant(),
                lastSignIn == null ? null : lastSignIn.toInstant(),
                EMAIL.decrypt(directory(), row.getString("email"), id),
                DISPLAY_NAME.decrypt(directory(), row.getString("display_name"), id));
    }

    private FieldCipher directory() {
        return ciphers.directory();
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
