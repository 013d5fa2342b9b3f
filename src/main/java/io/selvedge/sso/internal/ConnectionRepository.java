package io.selvedge.sso.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the regional {@code sso_connection} table; settings and secret arrive encrypted. */
@Repository
class ConnectionRepository {

    /** The encrypted columns of a connection, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("sso_connection");

    static final EncryptedColumn SETTINGS = TABLE.column("settings");
    static final EncryptedColumn SECRET = TABLE.column("secret");

    private static final String COLUMNS =
            "select id, group_id, type, settings, secret, version, created_at, updated_at from sso_connection";

    /** A row, its settings and secret still ciphertexts. */
    record Row(
            UUID id,
            UUID groupId,
            String type,
            String settings,
            String secret,
            long version,
            Instant createdAt,
            Instant updatedAt) {}

    void insert(JdbcClient jdbc, Row row, UUID createdBy) {
        jdbc.sql("insert into sso_connection (id, group_id, type, settings, secret, version, created_by, created_at,"
                        + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.groupId(),
                        row.type(),
                        row.settings(),
                        row.secret(),
                        row.version(),
                        createdBy,
                        Timestamp.from(row.createdAt()),
                        Timestamp.from(row.updatedAt()))
                .update();
    }

    /** Replaces settings (and the secret when given), if the row is still at {@code version}. */
    boolean update(JdbcClient jdbc, UUID id, long version, String settings, String secret, Instant at) {
        String set = secret == null ? "" : ", secret = ?";
        JdbcClient.StatementSpec spec = jdbc.sql("update sso_connection set settings = ?" + set
                        + ", version = version + 1, updated_at = ?" + " where id = ? and version = ?")
                .param(settings);
        if (secret != null) {
            spec = spec.param(secret);
        }
        return spec.param(Timestamp.from(at)).param(id).param(version).update() == 1;
    }

    boolean delete(JdbcClient jdbc, UUID id) {
        return jdbc.sql("delete from sso_connection where id = ?").param(id).update() == 1;
    }

    Optional<Row> find(JdbcClient jdbc, UUID groupId, UUID id) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?")
                .params(groupId, id)
                .query(ConnectionRepository::row)
                .optional();
    }

    List<Row> ofGroup(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(COLUMNS + " where group_id = ? order by created_at, id")
                .param(groupId)
                .query(ConnectionRepository::row)
                .list();
    }

    private static Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("group_id", UUID.class),
                rs.getString("type"),
                rs.getString("settings"),
                rs.getString("secret"),
                rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
