package io.selvedge.identity.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Spring Security's WebAuthn tables (user_entities, user_credentials) as an account's owner sees them: its
 * passkeys, found by the account's username (the user entity's name). The ceremonies themselves go through
 * Spring's own JDBC repositories.
 */
@Repository
@RequiredArgsConstructor
class PasskeyRows {

    /** A credential; its label still encrypted. */
    record Row(String credentialId, String encryptedLabel, Instant createdAt, Instant lastUsedAt) {}

    private static final String OF_USER =
            " from user_credentials where user_entity_user_id in (select id from user_entities where name = ?)";

    private final JdbcClient jdbc;

    int countOf(String username) {
        return jdbc.sql("select count(*)" + OF_USER)
                .param(username)
                .query(Integer.class)
                .single();
    }

    List<Row> of(String username) {
        return jdbc.sql("select credential_id, label, created, last_used" + OF_USER + " order by created")
                .param(username)
                .query((row, number) -> new Row(
                        row.getString("credential_id"),
                        row.getString("label"),
                        instant(row.getTimestamp("created")),
                        instant(row.getTimestamp("last_used"))))
                .list();
    }

    boolean rename(String username, String credentialId, String encryptedLabel) {
        return jdbc.sql("update user_credentials set label = ? where credential_id = ? and user_entity_user_id in"
                                + " (select id from user_entities where name = ?)")
                        .params(encryptedLabel, credentialId, username)
                        .update()
                == 1;
    }

    boolean delete(String username, String credentialId) {
        return jdbc.sql("delete from user_credentials where credential_id = ? and user_entity_user_id in"
                                + " (select id from user_entities where name = ?)")
                        .params(credentialId, username)
                        .update()
                == 1;
    }

    Optional<String> usernameOfUserEntity(String userEntityId) {
        return jdbc.sql("select name from user_entities where id = ?")
                .param(userEntityId)
                .query(String.class)
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
