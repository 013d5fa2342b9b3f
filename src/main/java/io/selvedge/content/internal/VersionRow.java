package io.selvedge.content.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code content_version}, its file name and hash still ciphertexts. */
record VersionRow(
        UUID id,
        UUID groupId,
        UUID styleId,
        int number,
        String filename,
        String contentType,
        long size,
        String sha256,
        String fileId,
        @Nullable String thumbnailFile,
        @Nullable String thumbnailType,
        UUID createdBy,
        Instant createdAt) {

    static VersionRow read(ResultSet row, int n) throws SQLException {
        return new VersionRow(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                row.getObject("style_id", UUID.class),
                row.getInt("number"),
                row.getString("filename"),
                row.getString("content_type"),
                row.getLong("size_bytes"),
                row.getString("sha256"),
                row.getString("file_id"),
                row.getString("thumbnail_file"),
                row.getString("thumbnail_type"),
                row.getObject("created_by", UUID.class),
                row.getTimestamp("created_at").toInstant());
    }
}
