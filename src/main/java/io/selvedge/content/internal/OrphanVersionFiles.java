package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finds and deletes the version files ({@code v-...}) that no version row holds: what a crash leaves
 * between storing a direct upload's file and recording its row. The blob store keeps no reliable time of
 * its own, so each sweep notes when it first saw a file orphaned ({@code content_orphan_file}); a file is
 * deleted only once it has stayed orphaned for {@link ContentProperties#orphanFileAge} (24h unless set),
 * far longer than an upload takes to record the row of a file it has just stored. A file whose row
 * appears meanwhile is forgotten, never deleted.
 */
@Component
@RequiredArgsConstructor
class OrphanVersionFiles {

    private static final Logger log = LoggerFactory.getLogger(OrphanVersionFiles.class);

    /** What every version file's id starts with ({@link StyleFiles#versionFile}). */
    static final String VERSION_FILES = "v-";

    private final GroupFiles files;
    private final VersionRepository versions;
    private final OrphanFileRepository sightings;
    private final ContentProperties properties;
    private final Clock clock;

    /** Deletes the group's version files orphaned for longer than the safe age; returns how many. */
    int sweep(GroupDataPlane plane) {
        Instant now = clock.instant();
        Instant oldEnough = now.minus(properties.orphanFileAge());
        Set<String> orphaned = new HashSet<>();
        int deleted = 0;
        try {
            for (String fileId : files.list(plane.groupId(), VERSION_FILES)) {
                if (isRecorded(plane, fileId)) {
                    continue;
                }
                Optional<Instant> firstSeen = firstSeen(plane, fileId);
                if (firstSeen.isEmpty()) {
                    sightings.noteSeen(plane.jdbc(), plane.groupId(), fileId, now);
                    orphaned.add(fileId);
                } else if (!firstSeen.get().isAfter(oldEnough) && !isRecorded(plane, fileId)) {
                    files.delete(plane.groupId(), fileId);
                    deleted++;
                } else {
                    orphaned.add(fileId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot sweep the version files of group " + plane.groupId(), e);
        }
        forgetAllBut(plane, orphaned);
        if (deleted > 0) {
            log.info("Deleted {} orphaned version files of group {}", deleted, plane.groupId());
        }
        return deleted;
    }

    private boolean isRecorded(GroupDataPlane plane, String fileId) {
        return versions.holdsFile(plane.jdbc(), plane.groupId(), fileId);
    }

    private Optional<Instant> firstSeen(GroupDataPlane plane, String fileId) {
        return sightings.firstSeen(plane.jdbc(), plane.groupId(), fileId);
    }

    /** Forgets the sightings of files deleted now, gone, or recorded since. */
    private void forgetAllBut(GroupDataPlane plane, Set<String> orphaned) {
        List<String> noted = sightings.noted(plane.jdbc(), plane.groupId());
        for (String fileId : noted) {
            if (!orphaned.contains(fileId)) {
                sightings.forget(plane.jdbc(), plane.groupId(), fileId);
            }
        }
    }
}
