package io.selvedge.collab.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code collab_comment}. Each method runs on the {@link JdbcClient} it is given: the group's
 * plane, inside the unit of work's transaction when there is one.
 */
@Component
final class CommentRepository {

    /** The encrypted columns of a comment, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("collab_comment");

    static final EncryptedColumn BODY = TABLE.column("body");
    /** The pin's coordinates, as text; null for a comment without a pin. */
    static final EncryptedColumn PIN = TABLE.column("pin");

    private static final String COLUMNS = "select id, group_id, style_id, version_id, author_id, body, pin,"
            + " resolved, resolved_by, resolved_at, created_at, updated_at, colorway_id, screenshot_file,"
            + " screenshot_type from collab_comment";

    /** A row of {@code collab_comment}, its body and pin still ciphertexts. */
    record Row(
            UUID id,
            UUID groupId,
            UUID styleId,
            @Nullable UUID versionId,
            UUID authorId,
            String body,
            @Nullable String pin,
            boolean resolved,
            @Nullable UUID resolvedBy,
            @Nullable Instant resolvedAt,
            Instant createdAt,
            Instant updatedAt,
            @Nullable UUID colorwayId,
            @Nullable String screenshotFile,
            @Nullable String screenshotType) {

        static Row read(ResultSet rs, int n) throws SQLException {
            Timestamp resolvedAt = rs.getTimestamp(10);
            return new Row(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getObject(4, UUID.class),
                    rs.getObject(5, UUID.class),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getBoolean(8),
                    rs.getObject(9, UUID.class),
                    resolvedAt == null ? null : resolvedAt.toInstant(),
                    rs.getTimestamp(11).toInstant(),
                    rs.getTimestamp(12).toInstant(),
                    rs.getObject(13, UUID.class),
                    rs.getString(14),
                    rs.getString(15));
        }
    }

    /**
     * A new, unresolved comment; its body and pin already encrypted through {@link #BODY} and {@link #PIN}, its
     * screenshot (if any) already stored encrypted as a file of the group.
     */
    void insert(
            JdbcClient jdbc,
            UUID id,
            UUID groupId,
            UUID styleId,
            @Nullable UUID versionId,
            UUID authorId,
            String body,
            @Nullable String pin,
            @Nullable UUID colorwayId,
            @Nullable String screenshotFile,
            @Nullable String screenshotType,
            Instant now) {
        jdbc.sql("insert into collab_comment (id, group_id, style_id, version_id, author_id, body, pin,"
                        + " resolved, created_at, updated_at, colorway_id, screenshot_file, screenshot_type)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        groupId,
                        styleId,
                        versionId,
                        authorId,
                        body,
                        pin,
                        false,
                        Timestamp.from(now),
                        Timestamp.from(now),
                        colorwayId,
                        screenshotFile,
                        screenshotType)
                .update();
    }

    /**
     * The style's comments, resolved or not as asked (null: all), tagged with the colorway (null: all),
     * oldest first.
     */
    List<Row> ofStyle(
            JdbcClient jdbc, UUID groupId, UUID styleId, @Nullable Boolean resolved, @Nullable UUID colorwayId) {
        StringBuilder sql = new StringBuilder(COLUMNS + " where group_id = ? and style_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(groupId, styleId));
        if (resolved != null) {
            sql.append(" and resolved = ?");
            params.add(resolved);
        }
        if (colorwayId != null) {
            sql.append(" and colorway_id = ?");
            params.add(colorwayId);
        }
        return jdbc.sql(sql + " order by created_at, id")
                .params(params)
                .query(Row::read)
                .list();
    }

    Optional<Row> find(JdbcClient jdbc, UUID groupId, UUID commentId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?")
                .params(groupId, commentId)
                .query(Row::read)
                .optional();
    }

    /** The style a comment is on. */
    Optional<UUID> styleOf(JdbcClient jdbc, UUID commentId) {
        return jdbc.sql("select style_id from collab_comment where id = ?")
                .param(commentId)
                .query(UUID.class)
                .optional();
    }

    /** Sets the body to a ciphertext made through {@link #BODY}. */
    void changeBody(JdbcClient jdbc, UUID commentId, String body, Instant at) {
        jdbc.sql("update collab_comment set body = ?, updated_at = ? where id = ?")
                .params(body, Timestamp.from(at), commentId)
                .update();
    }

    void resolve(JdbcClient jdbc, UUID commentId, boolean resolved, @Nullable UUID by, @Nullable Instant at) {
        jdbc.sql("update collab_comment set resolved = ?, resolved_by = ?, resolved_at = ? where id = ?")
                .params(resolved, by, at == null ? null : Timestamp.from(at), commentId)
                .update();
    }

    void delete(JdbcClient jdbc, UUID commentId) {
        jdbc.sql("delete from collab_comment where id = ?").param(commentId).update();
    }
}
