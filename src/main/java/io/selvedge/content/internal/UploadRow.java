package io.selvedge.content.internal;

import io.selvedge.content.Uploads.Upload;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code content_upload}, its file name still a ciphertext. */
record UploadRow(
        UUID id,
        UUID groupId,
        UUID styleId,
        String filename,
        long length,
        long offset,
        UUID createdBy,
        Instant expiresAt) {

    static UploadRow read(ResultSet row, int n) throws SQLException {
        return new UploadRow(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getObject("style_id", UUID.class),
                row.getString("filename"),
                row.getLong("length_bytes"),
                row.getLong("offset_bytes"),
                row.getObject("created_by", UUID.class),
                row.getTimestamp("expires_at").toInstant());
    }

    UploadRow at(long newOffset, Instant expires) {
        return new UploadRow(id, groupId, styleId, filename, length, newOffset, createdBy, expires);
    }

    Upload upload(@Nullable UUID versionId) {
        return new Upload(id, styleId, length, offset, expiresAt, versionId);
    }
}
