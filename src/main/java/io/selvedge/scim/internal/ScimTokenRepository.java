package io.selvedge.scim.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The regional {@code scim_token} table: the token's name stays encrypted here; its secret is nowhere. */
@Repository
class ScimTokenRepository {

    static final EncryptedTable TABLE = EncryptedTable.named("scim_token");

    static final EncryptedColumn NAME = TABLE.column("name");

    private static final String COLUMNS =
            "select id, group_id, name, created_by, created_at, last_used_at from scim_token";

    record Row(
            UUID id,
            UUID groupId,
            String sealedName,
            UUID createdBy,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {}

    void insert(JdbcClient jdbc, Row row) {
        jdbc.sql("insert into scim_token (id, group_id, name, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(row.id(), row.groupId(), row.sealedName(), row.createdBy(), Timestamp.from(row.createdAt()))
                .update();
    }

    List<Row> ofGroup(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql(COLUMNS + " where group_id = ? order by created_at desc, id")
                .param(groupId)
                .query(ScimTokenRepository::row)
                .list();
    }

    Optional<Row> find(JdbcClient jdbc, UUID groupId, UUID id) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?")
                .params(groupId, id)
                .query(ScimTokenRepository::row)
                .optional();
    }

    boolean delete(JdbcClient jdbc, UUID groupId, UUID id) {
        return jdbc.sql("delete from scim_token where group_id = ? and id = ?")
                        .params(groupId, id)
                        .update()
                == 1;
    }

    void used(JdbcClient jdbc, UUID id, Instant at) {
        jdbc.sql("update scim_token set last_used_at = ? where id = ?")
                .params(Timestamp.from(at), id)
                .update();
    }

    private static Row row(java.sql.ResultSet row, int n) throws java.sql.SQLException {
        Timestamp used = row.getTimestamp("last_used_at");
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getString("name"),
                row.getObject("created_by", UUID.class),
                row.getTimestamp("created_at").toInstant(),
                used == null ? null : used.toInstant());
    }
}
