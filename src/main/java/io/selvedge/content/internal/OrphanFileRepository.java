package io.selvedge.content.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the sightings of orphaned version files ({@code content_orphan_file}). */
@Component
final class OrphanFileRepository {

    /** When a sweep first saw the file orphaned, if one did. */
    Optional<Instant> firstSeen(JdbcClient jdbc, UUID groupId, String fileId) {
        return jdbc.sql("select first_seen_at from content_orphan_file where group_id = ? and file_id = ?")
                .params(groupId, fileId)
                .query((row, n) -> row.getTimestamp(1).toInstant())
                .optional();
    }

    void noteSeen(JdbcClient jdbc, UUID groupId, String fileId, Instant at) {
        jdbc.sql("insert into content_orphan_file (group_id, file_id, first_seen_at) values (?, ?, ?)")
                .params(groupId, fileId, Timestamp.from(at))
                .update();
    }

    /** The files of the group seen orphaned. */
    List<String> noted(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql("select file_id from content_orphan_file where group_id = ?")
                .param(groupId)
                .query(String.class)
                .list();
    }

    void forget(JdbcClient jdbc, UUID groupId, String fileId) {
        jdbc.sql("delete from content_orphan_file where group_id = ? and file_id = ?")
                .params(groupId, fileId)
                .update();
    }
}
