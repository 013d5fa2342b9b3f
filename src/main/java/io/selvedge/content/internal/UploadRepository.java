package io.selvedge.content.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of resumable uploads: {@code content_upload} and its parts, {@code content_upload_part}. Each
 * method runs on the {@link JdbcClient} it is given: the group's plane, inside the unit of work's
 * transaction when there is one, or a region's store for the sweep.
 */
@Component
final class UploadRepository {

    /** The encrypted columns of an upload, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("content_upload");

    static final EncryptedColumn FILENAME = TABLE.column("filename");

    private static final String COLUMNS = "select id, group_id, style_id, filename, length_bytes, offset_bytes,"
            + " created_by, expires_at from content_upload";

    /** A new upload's row, at offset 0; its file name already encrypted through {@link #FILENAME}. */
    void insert(
            JdbcClient jdbc,
            UUID id,
            UUID groupId,
            UUID styleId,
            String filename,
            String contentType,
            long length,
            UUID actor,
            Instant now,
            Instant expires) {
        jdbc.sql("insert into content_upload (id, group_id, style_id, filename, content_type, length_bytes,"
                        + " offset_bytes, created_by, created_at, expires_at) values (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)")
                .params(
                        id,
                        groupId,
                        styleId,
                        filename,
                        contentType,
                        length,
                        actor,
                        Timestamp.from(now),
                        Timestamp.from(expires))
                .update();
    }

    Optional<UploadRow> find(JdbcClient jdbc, UUID groupId, UUID uploadId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and id = ?")
                .params(groupId, uploadId)
                .query(UploadRow::read)
                .optional();
    }

    /**
     * The group's unfinished uploads, not expired at {@code now}, whose expiry is before {@code expiresBefore}
     * (their last change older than the idle time), oldest first.
     */
    List<UploadRow> unfinished(JdbcClient jdbc, UUID groupId, Instant now, Instant expiresBefore) {
        return jdbc.sql(COLUMNS + " where group_id = ? and offset_bytes < length_bytes and expires_at > ?"
                        + " and expires_at < ? order by expires_at")
                .params(groupId, Timestamp.from(now), Timestamp.from(expiresBefore))
                .query(UploadRow::read)
                .list();
    }

    /** The uploads of a region's store that expired before {@code now}. */
    List<UploadRow> expiredBefore(JdbcClient jdbc, Instant now) {
        return jdbc.sql(COLUMNS + " where expires_at < ?")
                .param(Timestamp.from(now))
                .query(UploadRow::read)
                .list();
    }

    /** Whether the group still has this upload's row. */
    boolean exists(JdbcClient jdbc, UUID groupId, UUID uploadId) {
        return jdbc.sql("select count(*) from content_upload where group_id = ? and id = ?")
                        .params(groupId, uploadId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** The style an upload is for. */
    Optional<UUID> styleOf(JdbcClient jdbc, UUID uploadId) {
        return jdbc.sql("select style_id from content_upload where id = ?")
                .param(uploadId)
                .query(UUID.class)
                .optional();
    }

    /** The unfinished uploads of a style. */
    List<UUID> ofStyle(JdbcClient jdbc, UUID groupId, UUID styleId) {
        return jdbc.sql("select id from content_upload where group_id = ? and style_id = ?")
                .params(groupId, styleId)
                .query(UUID.class)
                .list();
    }

    /** Locks the upload's row and returns its offset; empty if the row is gone. */
    Optional<Long> lockOffset(JdbcClient jdbc, UUID uploadId) {
        return jdbc.sql("select offset_bytes from content_upload where id = ? for update")
                .param(uploadId)
                .query(Long.class)
                .optional();
    }

    void moveOffset(JdbcClient jdbc, UUID uploadId, long offset, Instant expires) {
        jdbc.sql("update content_upload set offset_bytes = ?, expires_at = ? where id = ?")
                .params(offset, Timestamp.from(expires), uploadId)
                .update();
    }

    /** Deletes the upload's row (its part rows go with it); false if it was gone. */
    boolean delete(JdbcClient jdbc, UUID uploadId) {
        return jdbc.sql("delete from content_upload where id = ?")
                        .param(uploadId)
                        .update()
                == 1;
    }

    /** How many parts the upload has recorded. */
    int partCount(JdbcClient jdbc, UUID uploadId) {
        return jdbc.sql("select count(*) from content_upload_part where upload_id = ?")
                .param(uploadId)
                .query(Integer.class)
                .single();
    }

    void insertPart(JdbcClient jdbc, UUID uploadId, int part, UUID groupId, String fileId, long size) {
        jdbc.sql("insert into content_upload_part (upload_id, part_no, group_id, file_id, size_bytes)"
                        + " values (?, ?, ?, ?, ?)")
                .params(uploadId, part, groupId, fileId, size)
                .update();
    }

    /** The file ids of the upload's recorded parts, in part order. */
    List<String> partFiles(JdbcClient jdbc, UUID uploadId) {
        return jdbc.sql("select file_id from content_upload_part where upload_id = ? order by part_no")
                .param(uploadId)
                .query(String.class)
                .list();
    }

    /** The file ids of the upload's recorded parts, in no particular order. */
    List<String> anyPartFiles(JdbcClient jdbc, UUID uploadId) {
        return jdbc.sql("select file_id from content_upload_part where upload_id = ?")
                .param(uploadId)
                .query(String.class)
                .list();
    }
}
