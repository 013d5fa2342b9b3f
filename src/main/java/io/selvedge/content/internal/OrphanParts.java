package io.selvedge.content.internal;

import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds and deletes the encrypted part files of resumable uploads that no row holds: what a crash
 * leaves between storing a part and recording it, or between completing an upload and deleting its
 * parts. A part is an orphan when its upload is gone, or when its slot (part number) was taken by another
 * file; a part of a live upload at the next free slot may be an append still in flight, and stays until
 * the upload ends.
 */
@Component
@RequiredArgsConstructor
class OrphanParts {

    private static final Logger log = LoggerFactory.getLogger(OrphanParts.class);

    private final GroupFiles files;
    private final UploadRepository uploadRows;

    /** Deletes the group's orphaned parts; returns how many. */
    int sweep(GroupDataPlane plane) {
        Map<UUID, Optional<List<String>>> uploads = new HashMap<>();
        int deleted = 0;
        try {
            for (String fileId : files.list(plane.groupId(), StyleFiles.UPLOAD_PARTS)) {
                Optional<StyleFiles.PartName> part = StyleFiles.PartName.parse(fileId);
                if (part.isEmpty()) {
                    continue;
                }
                Optional<List<String>> recorded =
                        uploads.computeIfAbsent(part.get().uploadId(), id -> recordedParts(plane, id));
                if (isOrphan(part.get(), recorded) && files.delete(plane.groupId(), fileId)) {
                    deleted++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep the upload parts of group " + plane.groupId(), e);
        }
        if (deleted > 0) {
            log.info("Deleted {} orphaned upload parts of group {}", deleted, plane.groupId());
        }
        return deleted;
    }

    private static boolean isOrphan(StyleFiles.PartName part, Optional<List<String>> recorded) {
        if (recorded.isEmpty()) {
            return true; // the upload is gone: nothing can still append to it
        }
        List<String> held = recorded.get();
        return !held.contains(part.fileId()) && part.number() < held.size();
    }

    /** The file ids of the upload's recorded parts, in part order; empty if the upload has no row. */
    private Optional<List<String>> recordedParts(GroupDataPlane plane, UUID uploadId) {
        if (!uploadRows.exists(plane.jdbc(), plane.groupId(), uploadId)) {
            return Optional.empty();
        }
        return Optional.of(uploadRows.partFiles(plane.jdbc(), uploadId));
    }
}
