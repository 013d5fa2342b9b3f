package io.selvedge.content.internal;

import io.selvedge.content.StyleStatus;
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
 * The SQL of {@code content_colorway}. Each method runs on the {@link JdbcClient} it is given: the group's
 * plane, inside the unit of work's transaction when there is one.
 */
@Component
final class ColorwayRepository {

    /** The encrypted columns of a colorway, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("content_colorway");

    static final EncryptedColumn NAME = TABLE.column("name");
    static final EncryptedColumn SWATCH = TABLE.column("swatch");

    private static final String COLUMNS = "select id, style_id, name, swatch, image_version_id, status, status_by,"
            + " status_at, created_by, created_at from content_colorway";

    /** A row of {@code content_colorway}, its name and swatch still ciphertexts. */
    record Row(
            UUID id,
            UUID styleId,
            String name,
            String swatch,
            @Nullable UUID imageVersionId,
            StyleStatus status,
            @Nullable UUID statusBy,
            @Nullable Instant statusAt,
            UUID createdBy,
            Instant createdAt) {

        static Row read(ResultSet rs, int n) throws SQLException {
            Timestamp statusAt = rs.getTimestamp(8);
            return new Row(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, UUID.class),
                    StyleStatus.valueOf(rs.getString(6)),
                    rs.getObject(7, UUID.class),
                    statusAt == null ? null : statusAt.toInstant(),
                    rs.getObject(9, UUID.class),
                    rs.getTimestamp(10).toInstant());
        }
    }

    /** A new colorway in review; its name and swatch already encrypted through {@link #NAME} and {@link #SWATCH}. */
    void insert(
            JdbcClient jdbc,
            UUID id,
            UUID groupId,
            UUID styleId,
            String name,
            String swatch,
            @Nullable UUID imageVersionId,
            UUID actor,
            Instant now) {
        jdbc.sql("insert into content_colorway (id, group_id, style_id, name, swatch, image_version_id, status,"
                        + " created_by, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        groupId,
                        styleId,
                        name,
                        swatch,
                        imageVersionId,
                        StyleStatus.IN_REVIEW.name(),
                        actor,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
    }

    /** The style's colorways, oldest first. */
    List<Row> ofStyle(JdbcClient jdbc, UUID groupId, UUID styleId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and style_id = ? order by created_at, id")
                .params(groupId, styleId)
                .query(Row::read)
                .list();
    }

    Optional<Row> find(JdbcClient jdbc, UUID groupId, UUID styleId, UUID colorwayId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and style_id = ? and id = ?")
                .params(groupId, styleId, colorwayId)
                .query(Row::read)
                .optional();
    }

    /** Sets one encrypted column to a ciphertext made through it. */
    void update(JdbcClient jdbc, UUID colorwayId, EncryptedColumn column, String ciphertext, Instant at) {
        if (column.table() != TABLE) {
            throw new IllegalArgumentException("Not a column of " + TABLE.name() + ": " + column);
        }
        // The column's name comes from this class's own declarations, never from input.
        jdbc.sql("update content_colorway set " + column.name() + " = ?, updated_at = ? where id = ?")
                .params(ciphertext, Timestamp.from(at), colorwayId)
                .update();
    }

    void setImage(JdbcClient jdbc, UUID colorwayId, @Nullable UUID imageVersionId, Instant at) {
        jdbc.sql("update content_colorway set image_version_id = ?, updated_at = ? where id = ?")
                .params(imageVersionId, Timestamp.from(at), colorwayId)
                .update();
    }

    void setStatus(JdbcClient jdbc, UUID colorwayId, StyleStatus status, UUID by, Instant at) {
        jdbc.sql("update content_colorway set status = ?, status_by = ?, status_at = ?, updated_at = ? where id = ?")
                .params(status.name(), by, Timestamp.from(at), Timestamp.from(at), colorwayId)
                .update();
    }

    void delete(JdbcClient jdbc, UUID colorwayId) {
        jdbc.sql("delete from content_colorway where id = ?").param(colorwayId).update();
    }
}
