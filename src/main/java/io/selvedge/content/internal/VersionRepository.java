package io.selvedge.content.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code content_version}. Each method runs on the {@link JdbcClient} it is given: the group's
 * plane, inside the unit of work's transaction when there is one.
 */
@Component
final class VersionRepository {

    /** The encrypted columns of a version, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("content_version");

    static final EncryptedColumn FILENAME = TABLE.column("filename");
    static final EncryptedColumn SHA256 = TABLE.column("sha256");

    private static final String COLUMNS = "select id, group_id, style_id, number, filename, content_type,"
            + " size_bytes, sha256, file_id, thumbnail_file, thumbnail_type, created_by, created_at"
            + " from content_version";

    /** The number the style's next version takes (in the transaction that holds the style's lock). */
    int nextNumber(JdbcClient jdbc, UUID styleId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from content_version where style_id = ?")
                .param(styleId)
                .query(Integer.class)
                .single();
    }

    /**
     * A new version's row, without a thumbnail yet; its file name and hash already encrypted through the
     * columns above.
     */
    void insert(JdbcClient jdbc, VersionRow row, @Nullable UUID uploadId) {
        jdbc.sql("insert into content_version (id, group_id, style_id, number, filename, content_type, size_bytes,"
                        + " sha256, file_id, created_by, created_at, upload_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        row.id(),
                        row.groupId(),
                        row.styleId(),
                        row.number(),
                        row.filename(),
                        row.contentType(),
                        row.size(),
                        row.sha256(),
                        row.fileId(),
                        row.createdBy(),
                        Timestamp.from(row.createdAt()),
                        uploadId)
                .update();
    }

    /** The version a resumable upload became, if it did. */
    Optional<UUID> ofUpload(JdbcClient jdbc, UUID groupId, UUID uploadId) {
        return jdbc.sql("select id from content_version where group_id = ? and upload_id = ?")
                .params(groupId, uploadId)
                .query(UUID.class)
                .optional();
    }

    Optional<VersionRow> find(JdbcClient jdbc, UUID groupId, UUID versionId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?")
                .params(groupId, versionId)
                .query(VersionRow::read)
                .optional();
    }

    /** The style's versions, the newest first. */
    List<VersionRow> ofStyle(JdbcClient jdbc, UUID groupId, UUID styleId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and style_id = ? order by number desc")
                .params(groupId, styleId)
                .query(VersionRow::read)
                .list();
    }

    /** The style a version belongs to. */
    Optional<UUID> styleOf(JdbcClient jdbc, UUID versionId) {
        return jdbc.sql("select style_id from content_version where id = ?")
                .param(versionId)
                .query(UUID.class)
                .optional();
    }

    /** Locks the version's row and returns its thumbnail's file, if it has one. */
    Optional<String> lockThumbnail(JdbcClient jdbc, UUID versionId) {
        return jdbc.sql("select thumbnail_file from content_version where id = ? for update")
                .param(versionId)
                .query(String.class)
                .optional();
    }

    /** Locks the version's row (its renders are written one at a time under it); false if there is none. */
    boolean lock(JdbcClient jdbc, UUID versionId) {
        return jdbc.sql("select id from content_version where id = ? for update")
                .param(versionId)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    void setThumbnail(JdbcClient jdbc, UUID versionId, String fileId, String type) {
        jdbc.sql("update content_version set thumbnail_file = ?, thumbnail_type = ? where id = ?")
                .params(fileId, type, versionId)
                .update();
    }

    /** What the group's versions take together: their files and their material files (OBJ exports' .mtl). */
    long bytesOf(JdbcClient jdbc, UUID groupId) {
        Long sum = jdbc.sql("select (select coalesce(sum(size_bytes), 0) from content_version where group_id = ?)"
                        + " + (select coalesce(sum(size_bytes), 0) from content_version_material where group_id = ?)")
                .params(groupId, groupId)
                .query(Long.class)
                .single();
        return sum == null ? 0 : sum;
    }

    /** Whether a version of the group holds this file. */
    boolean holdsFile(JdbcClient jdbc, UUID groupId, String fileId) {
        return jdbc.sql("select count(*) from content_version where group_id = ? and file_id = ?")
                        .params(groupId, fileId)
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
