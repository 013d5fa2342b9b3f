package io.selvedge.collab.internal;

import io.selvedge.content.StyleStatus;
import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code collab_approval}, a style's approval history. */
@Component
final class ApprovalRepository {

    /** The encrypted columns of an approval, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("collab_approval");

    static final EncryptedColumn NOTE = TABLE.column("note");

    private static final String COLUMNS =
            "select id, status, note, actor_id, created_at, colorway_id from collab_approval";

    /** A row of {@code collab_approval}, its note still a ciphertext. */
    record Row(
            UUID id,
            StyleStatus status,
            String note,
            UUID actorId,
            Instant createdAt,
            @Nullable UUID colorwayId) {}

    /** An approval; its note already encrypted through {@link #NOTE}. */
    void insert(
            JdbcClient jdbc,
            UUID id,
            UUID groupId,
            UUID styleId,
            @Nullable UUID colorwayId,
            StyleStatus status,
            String note,
            UUID actor,
            Instant at) {
        jdbc.sql("insert into collab_approval (id, group_id, style_id, colorway_id, status, note, actor_id,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, groupId, styleId, colorwayId, status.name(), note, actor, Timestamp.from(at))
                .update();
    }

    /** The style's own approvals (not its colorways'), the newest first. */
    List<Row> ofStyle(JdbcClient jdbc, UUID groupId, UUID styleId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and style_id = ? and colorway_id is null"
                        + " order by created_at desc, id")
                .params(groupId, styleId)
                .query(ApprovalRepository::read)
                .list();
    }

    /** A colorway's approvals, the newest first. */
    List<Row> ofColorway(JdbcClient jdbc, UUID groupId, UUID styleId, UUID colorwayId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and style_id = ? and colorway_id = ?"
                        + " order by created_at desc, id")
                .params(groupId, styleId, colorwayId)
                .query(ApprovalRepository::read)
                .list();
    }

    private static Row read(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getObject(1, UUID.class),
                StyleStatus.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getObject(4, UUID.class),
                rs.getTimestamp(5).toInstant(),
                rs.getObject(6, UUID.class));
    }
}
