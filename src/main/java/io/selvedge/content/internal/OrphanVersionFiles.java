package io.selvedge.content.internal;

import io.selvedge.content.ContentProperties;
import io.selvedge.crypto.GroupFiles;
import io.selvedge.storage.GroupDataPlane;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
class OrphanVersionFiles {

    private static final Logger log = LoggerFactory.getLogger(OrphanVersionFiles.class);

    /** What every version file's id starts with ({@link StyleFiles#versionFile}). */
    static final String VERSION_FILES = "v-";

    private final GroupFiles files;
    private final ContentProperties properties;
    private final Clock clock;

    OrphanVersionFiles(GroupFiles files, ContentProperties properties, Clock clock) {
        this.files = files;
        this.properties = properties;
        this.clock = clock;
    }

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
                    plane.jdbc()
                            .sql("insert into content_orphan_file (group_id, file_id, first_seen_at) values (?, ?, ?)")
                            .params(plane.groupId(), fileId, Timestamp.from(now))
                            .update();
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

    private static boolean isRecorded(GroupDataPlane plane, String fileId) {
        return plane.jdbc()
                        .sql("select count(*) from content_version where group_id = ? and file_id = ?")
                        .params(plane.groupId(), fileId)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static Optional<Instant> firstSeen(GroupDataPlane plane, String fileId) {
        return plane.jdbc()
                .sql("select first_seen_at from content_orphan_file where group_id = ? and file_id = ?")
                .params(plane.groupId(), fileId)
                .query((row, n) -> row.getTimestamp(1).toInstant())
                .optional();
    }

    /** Forgets the sightings of files deleted now, gone, or recorded since. */
    private static void forgetAllBut(GroupDataPlane plane, Set<String> orphaned) {
        List<String> noted = plane.jdbc()
                .sql("select file_id from content_orphan_file where group_id = ?")
                .param(plane.groupId())
                .query(String.class)
                .list();
        for (String fileId : noted) {
            if (!orphaned.contains(fileId)) {
                plane.jdbc()
                        .sql("delete from content_orphan_file where group_id = ? and file_id = ?")
                        .params(plane.groupId(), fileId)
                        .update();
            }
        }
    }
}
