package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accounts for tests. Customer accounts arrive with invitations (a later issue); until then a test that
 * needs an account to which the staff MFA rule does not apply writes one here.
 */
final class TestAccounts {

    private TestAccounts() {}

    static UUID aCustomer(JdbcTemplate jdbc, String username, String passwordHash) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "insert into account (id, username, password_hash, status, created_at) values (?, ?, ?, 'ACTIVE', ?)",
                id,
                username,
                passwordHash,
                Timestamp.from(Instant.now()));
        return id;
    }
}
