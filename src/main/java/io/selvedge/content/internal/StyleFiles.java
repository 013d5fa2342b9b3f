package io.selvedge.content.internal;

import io.selvedge.content.StyleAttachments;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/** Names of a style's files in the group's blob store, and their removal when the style is purged. */
@Component
@RequiredArgsConstructor
class StyleFiles {

    private final GroupFiles files;
    private final VersionRepository versionRows;
    private final UploadRepository uploadRows;
    private final RenderRepository renderRows;

    static String versionFile(UUID versionId) {
        return "v-" + versionId;
    }

    static String thumbnailFile(UUID versionId) {
        return "t-" + versionId + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A render's file ({@code kind}: thumbnail or turntable), unique per attempt: two racing renders never share one. */
    static String renderFile(UUID versionId, String kind) {
        return "r-" + versionId + "-" + kind + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What every upload part's file id starts with. */
    static final String UPLOAD_PARTS = "u-";

    /** A part's file: unique per attempt, so two racing appends never write the same file. */
    static String uploadPart(UUID uploadId, int part) {
        return UPLOAD_PARTS + uploadId + "-" + part + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The upload and part number a part's file id names ({@code u-<upload>-<number>-<attempt>}). */
    record PartName(String fileId, UUID uploadId, int number) {

        private static final int UUID_LENGTH = 36;

        static Optional<PartName> parse(String fileId) {
            int start = UPLOAD_PARTS.length();
            int numberStart = start + UUID_LENGTH + 1;
            if (!fileId.startsWith(UPLOAD_PARTS) || fileId.length() <= numberStart) {
                return Optional.empty();
            }
            int numberEnd = fileId.indexOf('-', numberStart);
            try {
                UUID upload = UUID.fromString(fileId.substring(start, start + UUID_LENGTH));
                int number =
                        Integer.parseInt(fileId.substring(numberStart, numberEnd < 0 ? fileId.length() : numberEnd));
                return Optional.of(new PartName(fileId, upload, number));
            } catch (IllegalArgumentException e) {
                return Optional.empty(); // not a part's name
            }
        }
    }

    /**
     * Deletes the files of a style's versions, thumbnails, renders, attachments and unfinished uploads; returns
     * the version ids.
     */
    List<UUID> deleteFilesOf(GroupDataPlane plane, UUID styleId) {
        List<UUID> versions = new ArrayList<>();
        List<VersionRow> rows = versionRows.ofStyle(plane.jdbc(), plane.groupId(), styleId);
        try {
            for (String render : renderRows.filesOfStyle(plane.jdbc(), plane.groupId(), styleId)) {
                files.delete(plane.groupId(), render);
            }
            for (VersionRow row : rows) {
                files.delete(plane.groupId(), row.fileId());
                if (row.thumbnailFile() != null) {
                    files.delete(plane.groupId(), row.thumbnailFile());
                }
                versions.add(row.id());
            }
            // Files of other modules (comment screenshots): their rows go by cascade with the style's.
            for (String attached : files.list(plane.groupId(), StyleAttachments.prefixOf(styleId))) {
                files.delete(plane.groupId(), attached);
            }
            List<UUID> uploads = uploadRows.ofStyle(plane.jdbc(), plane.groupId(), styleId);
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
        for (String fileId : uploadRows.anyPartFiles(plane.jdbc(), uploadId)) {
            files.delete(plane.groupId(), fileId);
        }
    }
}
