package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Spring Security's WebAuthn tables (user_entities, user_credentials) as an account's owner sees them: its
 * passkeys, found by the account's username (the user entity's name). The ceremonies themselves go through
 * Spring's own JDBC repositories.
 */
@Repository
class PasskeyRows {

    /** A credential; its label still encrypted. */
    record Row(String credentialId, String encryptedLabel, Instant createdAt, Instant lastUsedAt) {}

    private static final String OF_USER =
            " from user_credentials where user_entity_user_id in (select id from user_entities where name = ?)";

    private final JdbcTemplate jdbc;

    PasskeyRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    int countOf(String username) {
        Integer count = jdbc.queryForObject("select count(*)" + OF_USER, Integer.class, username);
        return count == null ? 0 : count;
    }

    List<Row> of(String username) {
        return jdbc.query(
                "select credential_id, label, created, last_used" + OF_USER + " order by created",
                (row, number) -> new Row(
                        row.getString("credential_id"),
                        row.getString("label"),
                        instant(row.getTimestamp("created")),
                        instant(row.getTimestamp("last_used"))),
                username);
    }

    boolean rename(String username, String credentialId, String encryptedLabel) {
        return jdbc.update(
                        "update user_credentials set label = ? where credential_id = ? and user_entity_user_id in"
                                + " (select id from user_entities where name = ?)",
                        encryptedLabel,
                        credentialId,
                        username)
                == 1;
    }

    boolean delete(String username, String credentialId) {
        return jdbc.update(
                        "delete from user_credentials where credential_id = ? and user_entity_user_id in"
                                + " (select id from user_entities where name = ?)",
                        credentialId,
                        username)
                == 1;
    }

    Optional<String> usernameOfUserEntity(String userEntityId) {
        return jdbc.queryForList("select name from user_entities where id = ?", String.class, userEntityId).stream()
                .findFirst();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
