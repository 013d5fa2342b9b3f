package io.selvedge.content.internal;

import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Names of a style's files in the group's blob store, and their removal when the style is purged. */
@Component
class StyleFiles {

    private final GroupFiles files;

    StyleFiles(GroupFiles files) {
        this.files = files;
    }

    static String versionFile(UUID versionId) {
        return "v-" + versionId;
    }

    static String thumbnailFile(UUID versionId) {
        return "t-" + versionId + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A part's file: unique per attempt, so two racing appends never write the same file. */
    static String uploadPart(UUID uploadId, int part) {
        return "u-" + uploadId + "-" + part + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Deletes the files of a style's versions, thumbnails and unfinished uploads; returns the version ids. */
    List<UUID> deleteFilesOf(GroupDataPlane plane, UUID styleId) {
        List<UUID> versions = new ArrayList<>();
        List<VersionRow> rows = plane.jdbc()
                .sql(VersionRow.COLUMNS + " where group_id = ? and style_id = ?")
                .params(plane.groupId(), styleId)
                .query(VersionRow::read)
                .list();
        try {
            for (VersionRow row : rows) {
                files.delete(plane.groupId(), row.fileId());
                if (row.thumbnailFile() != null) {
                    files.delete(plane.groupId(), row.thumbnailFile());
                }
                versions.add(row.id());
            }
            List<UUID> uploads = plane.jdbc()
                    .sql("select id from content_upload where group_id = ? and style_id = ?")
                    .params(plane.groupId(), styleId)
                    .query(UUID.class)
                    .list();
            for (UUID upload : uploads) {
                deleteParts(plane, upload);
                versions.add(upload);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return versions;
    }

    /** Deletes the files of an upload's parts (its rows go with the upload's row). */
    void deleteParts(GroupDataPlane plane, UUID uploadId) throws IOException {
        for (String fileId : plane.jdbc()
                .sql("select file_id from content_upload_part where upload_id = ?")
                .param(uploadId)
                .query(String.class)
                .list()) {
            files.delete(plane.groupId(), fileId);
        }
    }
}
