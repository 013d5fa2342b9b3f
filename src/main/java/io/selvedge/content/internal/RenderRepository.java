package io.selvedge.content.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of {@code content_render}. No column is encrypted: the images are files (encrypted by the group's
 * file keys), the row holds their ids, sizes, times and account ids. A null colorway is matched with
 * {@code is null}, never with a null parameter (which PostgreSQL cannot type).
 */
@Component
final class RenderRepository {

    private static final String COLUMNS = "select version_id, colorway_id, group_id, asked_at, thumbnail_file,"
            + " turntable_file, frames, frame_width, frame_height, rendered_by, rendered_at from content_render";

    Optional<RenderRow> find(JdbcClient jdbc, UUID versionId, @Nullable UUID colorwayId) {
        return colorwayId == null
                ? jdbc.sql(COLUMNS + " where version_id = ? and colorway_id is null")
                        .param(versionId)
                        .query(RenderRow::read)
                        .optional()
                : jdbc.sql(COLUMNS + " where version_id = ? and colorway_id = ?")
                        .params(versionId, colorwayId)
                        .query(RenderRow::read)
                        .optional();
    }

    List<RenderRow> ofVersion(JdbcClient jdbc, UUID groupId, UUID versionId) {
        return jdbc.sql(COLUMNS + " where group_id = ? and version_id = ?")
                .params(groupId, versionId)
                .query(RenderRow::read)
                .list();
    }

    /** A render not made yet, asked of a viewer now (or, with {@code askedAt} null, of the next one). */
    void insertAsked(
            JdbcClient jdbc, UUID groupId, UUID versionId, @Nullable UUID colorwayId, @Nullable Instant askedAt) {
        jdbc.sql("insert into content_render (version_id, colorway_id, group_id, asked_at) values (?, ?, ?, ?)")
                .params(versionId, colorwayId, groupId, askedAt == null ? null : Timestamp.from(askedAt))
                .update();
    }

    void setAsked(JdbcClient jdbc, UUID versionId, @Nullable UUID colorwayId, Instant askedAt) {
        update(jdbc, "update content_render set asked_at = ?", List.of(Timestamp.from(askedAt)), versionId, colorwayId);
    }

    /** Records the render's files on its row (asked before, or inserted just now by {@link #insertAsked}). */
    void setRendered(
            JdbcClient jdbc,
            UUID versionId,
            @Nullable UUID colorwayId,
            Files files,
            int frames,
            int frameWidth,
            int frameHeight,
            UUID by,
            Instant at) {
        update(
                jdbc,
                "update content_render set asked_at = null, thumbnail_file = ?, turntable_file = ?, frames = ?,"
                        + " frame_width = ?, frame_height = ?, rendered_by = ?, rendered_at = ?",
                List.of(files.thumbnail(), files.turntable(), frames, frameWidth, frameHeight, by, Timestamp.from(at)),
                versionId,
                colorwayId);
    }

    /** The version's two files of a render. */
    record Files(String thumbnail, String turntable) {}

    int count(JdbcClient jdbc, UUID versionId) {
        return jdbc.sql("select count(*) from content_render where version_id = ?")
                .param(versionId)
                .query(Integer.class)
                .single();
    }

    /** Renders asked before {@code cutoff} and not delivered: asked of nobody now, so the next viewer is. */
    int forgetAsksBefore(JdbcClient jdbc, Instant cutoff) {
        return jdbc.sql("update content_render set asked_at = null where rendered_at is null and asked_at < ?")
                .param(Timestamp.from(cutoff))
                .update();
    }

    /** The render files of a colorway (its rows go with it: the foreign key cascades). */
    List<String> filesOfColorway(JdbcClient jdbc, UUID colorwayId) {
        List<String> files = new ArrayList<>();
        jdbc.sql("select thumbnail_file, turntable_file from content_render"
                        + " where colorway_id = ? and rendered_at is not null")
                .params(colorwayId)
                .query(row -> {
                    files.add(row.getString(1));
                    files.add(row.getString(2));
                });
        return files;
    }

    /** The render files of a style's versions (for its purge). */
    List<String> filesOfStyle(JdbcClient jdbc, UUID groupId, UUID styleId) {
        List<String> files = new ArrayList<>();
        jdbc.sql("select r.thumbnail_file, r.turntable_file from content_render r"
                        + " join content_version v on v.id = r.version_id"
                        + " where r.group_id = ? and v.style_id = ? and r.rendered_at is not null")
                .params(groupId, styleId)
                .query(row -> {
                    files.add(row.getString(1));
                    files.add(row.getString(2));
                });
        return files;
    }

    private static void update(
            JdbcClient jdbc, String set, List<Object> values, UUID versionId, @Nullable UUID colorwayId) {
        List<Object> params = new ArrayList<>(values);
        params.add(versionId);
        if (colorwayId == null) {
            jdbc.sql(set + " where version_id = ? and colorway_id is null")
                    .params(params)
                    .update();
        } else {
            params.add(colorwayId);
            jdbc.sql(set + " where version_id = ? and colorway_id = ?")
                    .params(params)
                    .update();
        }
    }
}
