package io.selvedge.content.internal;

import io.selvedge.access.Role;
import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of a group's workflow stages ({@code content_stage}) and of the styles' moves between them
 * ({@code content_stage_move}). A group without rows has the {@link DefaultStages}.
 */
@Component
final class StageRepository {

    /** The encrypted columns of a stage, declared once. */
    static final EncryptedTable TABLE = EncryptedTable.named("content_stage");

    static final EncryptedColumn NAME = TABLE.column("name");

    /** A stored stage, its name still a ciphertext (bound to {@code rowId}). */
    record Row(UUID rowId, String key, String name, String colour, Set<Role> roles) {}

    /** A stored move. */
    record Move(UUID id, UUID styleId, @Nullable String from, String to, UUID actorId, Instant at) {}

    /** The group's stored stages in order; empty while it has the defaults. */
    List<Row> ofGroup(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql("select id, stage_key, name, colour, roles from content_stage where group_id = ?"
                        + " order by sort_order")
                .param(groupId)
                .query((rs, n) -> new Row(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        roles(rs.getString(5))))
                .list();
    }

    /** The id of the group's first stage, where a new style starts. */
    String firstKey(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql("select stage_key from content_stage where group_id = ? order by sort_order limit 1")
                .param(groupId)
                .query(String.class)
                .optional()
                .orElse(DefaultStages.ALL.get(0).id());
    }

    /** Replaces the group's stages with these rows, in order; each name already encrypted through {@link #NAME}. */
    void replace(JdbcClient jdbc, UUID groupId, List<Row> stages) {
        jdbc.sql("delete from content_stage where group_id = ?").param(groupId).update();
        int position = 0;
        for (Row stage : stages) {
            jdbc.sql("insert into content_stage (id, group_id, stage_key, sort_order, name, colour, roles)"
                            + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            stage.rowId(),
                            groupId,
                            stage.key(),
                            position++,
                            stage.name(),
                            stage.colour(),
                            stage.roles().stream().map(Role::name).sorted().collect(Collectors.joining(",")))
                    .update();
        }
    }

    void insertMove(JdbcClient jdbc, UUID groupId, Move move) {
        jdbc.sql("insert into content_stage_move (id, group_id, style_id, from_stage, to_stage, actor_id, moved_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        move.id(),
                        groupId,
                        move.styleId(),
                        move.from(),
                        move.to(),
                        move.actorId(),
                        Timestamp.from(move.at()))
                .update();
    }

    /** A style's moves, the newest first. */
    List<Move> movesOf(JdbcClient jdbc, UUID groupId, UUID styleId) {
        return jdbc.sql("select id, style_id, from_stage, to_stage, actor_id, moved_at from content_stage_move"
                        + " where group_id = ? and style_id = ? order by moved_at desc, id")
                .params(groupId, styleId)
                .query((rs, n) -> new Move(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class),
                        rs.getTimestamp(6).toInstant()))
                .list();
    }

    private static Set<Role> roles(String stored) {
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        Arrays.stream(stored.split(",")).filter(name -> !name.isEmpty()).forEach(name -> roles.add(Role.valueOf(name)));
        return roles;
    }
}
