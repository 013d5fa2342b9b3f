package io.selvedge.identity.internal;

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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The account table of the global store. The e-mail address and the display name are encrypted under the
 * directory keys, bound to their row and column; an address is found through its blind index.
 */
@Repository
class Accounts {

    static final String TABLE = "account";
    static final String EMAIL_INDEX = "account.email";

    private static final String SELECT =
            "select id, username, password_hash, staff_role, status, mfa_enrolled from account";
    private static final String SUMMARY = "select id, username, staff_role, mfa_enrolled, created_at,"
            + " last_sign_in_at, email, display_name from account";

    private final JdbcTemplate jdbc;
    private final FieldCiphers ciphers;

    Accounts(JdbcTemplate jdbc, FieldCiphers ciphers) {
        this.jdbc = jdbc;
        this.ciphers = ciphers;
    }

    boolean anyPlatformAdmin() {
        Integer count = jdbc.queryForObject(
                "select count(*) from account where staff_role = ?", Integer.class, StaffRole.PLATFORM_ADMIN.name());
        return count != null && count > 0;
    }

    Optional<Account> findByUsername(String username) {
        if (username.indexOf('\u0000') >= 0) {
            return Optional.empty(); // no name holds a NUL, and PostgreSQL refuses one in a query (a 500)
        }
        return jdbc.query(SELECT + " where username = ?", Accounts::toAccount, username).stream()
                .findFirst();
    }

    Optional<Account> findById(UUID id) {
        return jdbc.query(SELECT + " where id = ?", Accounts::toAccount, id).stream()
                .findFirst();
    }

    /** The account with this address, given in its normalised form. */
    Optional<Account> findByEmail(String normalisedEmail) {
        return jdbc.query(SELECT + " where email_index = ?", Accounts::toAccount, emailIndex(normalisedEmail)).stream()
                .findFirst();
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
        String row = account.id().toString();
        jdbc.update(
                "insert into account (id, username, password_hash, staff_role, status, created_at, email, email_index,"
                        + " display_name) values (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                account.id(),
                account.username(),
                account.passwordHash(),
                role == null ? null : role.name(),
                account.status().name(),
                Timestamp.from(Instant.now()),
                seal(normalisedEmail, "email", row),
                normalisedEmail == null ? null : emailIndex(normalisedEmail),
                seal(displayName, "display_name", row));
        return account;
    }

    /** Sets the address; the unique index refuses one that another account has (DuplicateKeyException). */
    void changeEmail(UUID id, String normalisedEmail) {
        jdbc.update(
                "update account set email = ?, email_index = ? where id = ?",
                seal(normalisedEmail, "email", id.toString()),
                emailIndex(normalisedEmail),
                id);
    }

    void changeDisplayName(UUID id, String displayName) {
        jdbc.update(
                "update account set display_name = ? where id = ?",
                seal(displayName, "display_name", id.toString()),
                id);
    }

    /** The account's address in clear, or null when it has none. */
    String emailOf(UUID id) {
        List<String> found = jdbc.queryForList("select email from account where id = ?", String.class, id);
        return found.isEmpty() || found.get(0) == null ? null : open(found.get(0), "email", id.toString());
    }

    void changePasswordHash(String username, String passwordHash) {
        jdbc.update("update account set password_hash = ? where username = ?", passwordHash, username);
    }

    void setStatus(UUID id, AccountStatus status) {
        jdbc.update("update account set status = ? where id = ?", status.name(), id);
    }

    /** Deletes the row; tokens, TOTP, recovery codes and links go with it (their keys cascade). */
    void delete(UUID id) {
        jdbc.update("delete from account where id = ?", id);
    }

    void setMfaEnrolled(UUID id, boolean enrolled) {
        jdbc.update("update account set mfa_enrolled = ? where id = ?", enrolled, id);
    }

    void recordSignIn(String username) {
        jdbc.update(
                "update account set last_sign_in_at = ? where username = ?", Timestamp.from(Instant.now()), username);
    }

    Optional<AccountSummary> summaryOf(UUID id) {
        return jdbc.query(SUMMARY + " where id = ?", this::toSummary, id).stream()
                .findFirst();
    }

    Map<UUID, AccountSummary> summariesOf(Collection<UUID> ids) {
        Map<UUID, AccountSummary> found = new LinkedHashMap<>();
        List<UUID> distinct = ids.stream().distinct().toList();
        for (int from = 0; from < distinct.size(); from += 100) {
            List<UUID> chunk = distinct.subList(from, Math.min(distinct.size(), from + 100));
            String marks = chunk.stream().map(id -> "?").collect(Collectors.joining(", "));
            jdbc.query(SUMMARY + " where id in (" + marks + ")", this::toSummary, chunk.toArray())
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
                open(row.getString("email"), "email", id.toString()),
                open(row.getString("display_name"), "display_name", id.toString()));
    }

    private String seal(String text, String column, String row) {
        return text == null ? null : directory().encryptText(text, TABLE, column, row);
    }

    private String open(String ciphertext, String column, String row) {
        return ciphertext == null ? null : directory().decryptText(ciphertext, TABLE, column, row);
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
