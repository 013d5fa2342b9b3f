package io.selvedge.content.internal;

import io.selvedge.content.Render;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code content_render}: asked of a viewer, and once rendered, its two files. */
record RenderRow(
        UUID versionId,
        @Nullable UUID colorwayId,
        UUID groupId,
        @Nullable Instant askedAt,
        @Nullable String thumbnailFile,
        @Nullable String turntableFile,
        int frames,
        int frameWidth,
        int frameHeight,
        @Nullable UUID renderedBy,
        @Nullable Instant renderedAt) {

    boolean rendered() {
        return renderedAt != null && thumbnailFile != null && turntableFile != null;
    }

    /** What the render is, once rendered. */
    Render render() {
        if (!rendered() || renderedBy == null || renderedAt == null) {
            throw new IllegalStateException("not rendered yet");
        }
        return new Render(versionId, colorwayId, frames, frameWidth, frameHeight, renderedBy, renderedAt);
    }

    static RenderRow read(ResultSet row, int n) throws SQLException {
        return new RenderRow(
                row.getObject("version_id", UUID.class),
                row.getObject("colorway_id", UUID.class),
                row.getObject("group_id", UUID.class),
                instant(row.getTimestamp("asked_at")),
                row.getString("thumbnail_file"),
                row.getString("turntable_file"),
                row.getInt("frames"),
                row.getInt("frame_width"),
                row.getInt("frame_height"),
                row.getObject("rendered_by", UUID.class),
                instant(row.getTimestamp("rendered_at")));
    }

    @Nullable
    private static Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
