package io.selvedge.content.internal;

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
 * The SQL of {@code content_version_material}, the .mtl files of OBJ versions. Each method runs on the
 * {@link JdbcClient} it is given: the group's plane, inside the unit of work's transaction when there is one.
 */
@Component
final class MaterialRepository {

    /** The encrypted columns of a material file, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("content_version_material");

    static final EncryptedColumn FILENAME = TABLE.column("filename");
    static final EncryptedColumn CONTENT = TABLE.column("content");

    private static final String COLUMNS = "select id, version_id, colorway_id, filename, size_bytes, created_by,"
            + " created_at from content_version_material";

    /** A row without its content, its file name still a ciphertext. */
    record Row(
            UUID id,
            UUID versionId,
            @Nullable UUID colorwayId,
            String filename,
            long size,
            UUID createdBy,
            Instant createdAt) {

        static Row read(ResultSet rs, int n) throws SQLException {
            return new Row(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, UUID.class),
                    rs.getObject(3, UUID.class),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getObject(6, UUID.class),
                    rs.getTimestamp(7).toInstant());
        }
    }

    /** A material file; its name and content already encrypted through {@link #FILENAME} and {@link #CONTENT}. */
    void insert(
            JdbcClient jdbc,
            UUID id,
            UUID groupId,
            UUID versionId,
            @Nullable UUID colorwayId,
            String filename,
            String content,
            long size,
            UUID actor,
            Instant now) {
        jdbc.sql("insert into content_version_material (id, group_id, version_id, colorway_id, filename, content,"
                        + " size_bytes, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(id, groupId, versionId, colorwayId, filename, content, size, actor, Timestamp.from(now))
                .update();
    }

    /** The version's material files, oldest first. */
    List<Row> ofVersion(JdbcClient jdbc, UUID groupId, UUID versionId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and version_id = ? order by created_at, id")
                .params(groupId, versionId)
                .query(Row::read)
                .list();
    }

    /** The content (a ciphertext) of the version's material. */
    Optional<String> content(JdbcClient jdbc, UUID groupId, UUID versionId, UUID materialId) {
        return jdbc.sql("select content from content_version_material where group_id = ? and version_id = ? and id = ?")
                .params(groupId, versionId, materialId)
                .query(String.class)
                .optional();
    }
}
