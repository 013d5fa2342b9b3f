package io.selvedge.tenancy.internal;

import io.selvedge.crypto.ReEncryptable;
import io.selvedge.crypto.ReEncryption;
import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Brings a group's encrypted tree columns (the names and creators of the group and of every node)
 * under its newest key after a rotation. The items are the group's own row and its nodes, by id.
 */
@Component
class TreeNameReEncryption implements ReEncryptable {

    private static final List<String> COLUMNS = List.of(TreeRows.NAME, TreeRows.CREATED_BY);

    private final GroupDataPlanes planes;

    TreeNameReEncryption(GroupDataPlanes planes) {
        this.planes = planes;
    }

    @Override
    public String name() {
        return "tenancy.tree";
    }

    @Override
    public List<String> itemsAfter(UUID groupId, @Nullable String after, int limit) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        // Sorted here as text: databases order uuid columns differently, and the cursor is text.
        List<String> nodes = jdbc.sql("select id from tenancy_node where group_id = ?")
                .param(groupId)
                .query((row, n) -> row.getObject(1, UUID.class).toString())
                .list();
        List<String> group = jdbc.sql("select group_id from tenancy_group where group_id = ?")
                .param(groupId)
                .query((row, n) -> row.getObject(1, UUID.class).toString())
                .list();
        return Stream.concat(group.stream(), nodes.stream())
                .filter(id -> after == null || id.compareTo(after) > 0)
                .sorted()
                .limit(limit)
                .toList();
    }

    @Override
    public boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption) {
        GroupDataPlane plane = planes.of(groupId);
        boolean isGroup = groupId.toString().equals(itemId);
        String table = isGroup ? TreeRows.GROUP_TABLE : TreeRows.NODE_TABLE;
        String key = isGroup ? "group_id" : "id";
        UUID rowId = UUID.fromString(itemId);
        List<Boolean> rewritten = new ArrayList<>();
        for (String column : COLUMNS) {
            // Names come from the constants above, never from input.
            String stored = plane.jdbc()
                    .sql("select " + column + " from " + table + " where " + key + " = ? and group_id = ?")
                    .params(rowId, groupId)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            if (stored == null || !reEncryption.isStale(Base64.getDecoder().decode(stored))) {
                continue;
            }
            String fresh = Base64.getEncoder()
                    .encodeToString(
                            reEncryption.reEncryptField(Base64.getDecoder().decode(stored), table, column, itemId));
            rewritten.add(plane.jdbc()
                            .sql("update " + table + " set " + column + " = ? where " + key + " = ? and " + column
                                    + " = ?")
                            .params(fresh, rowId, stored)
                            .update()
                    == 1);
        }
        return rewritten.contains(true);
    }
}
