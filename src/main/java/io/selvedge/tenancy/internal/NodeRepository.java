package io.selvedge.tenancy.internal;

import io.selvedge.crypto.EncryptedColumn;
import io.selvedge.crypto.EncryptedTable;
import io.selvedge.tenancy.NodeKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The SQL of the regional {@code tenancy_group} and {@code tenancy_node} tables (a group's tree), on a
 * region's database, and the one declaration of their encrypted columns.
 */
final class NodeRepository {

    /** A group's own row, keyed by {@code group_id}. */
    static final EncryptedTable GROUPS = EncryptedTable.named("tenancy_group");

    static final EncryptedColumn GROUP_NAME = GROUPS.column("name");
    static final EncryptedColumn GROUP_CREATOR = GROUPS.column("created_by");

    /** The nodes of a group's tree, keyed by {@code id}. */
    static final EncryptedTable NODES = EncryptedTable.named("tenancy_node");

    static final EncryptedColumn NODE_NAME = NODES.column("name");
    static final EncryptedColumn NODE_CREATOR = NODES.column("created_by");

    private static final String NODE_COLUMNS =
            "id, group_id, kind, parent_id, name, created_at, deleted_at, deleted_with from tenancy_node";

    private NodeRepository() {}

    static void insertGroup(JdbcClient jdbc, UUID groupId, String encryptedName, String encryptedCreator, Instant at) {
        jdbc.sql("insert into tenancy_group (group_id, name, created_by, created_at) values (?, ?, ?, ?)")
                .params(groupId, encryptedName, encryptedCreator, Timestamp.from(at))
                .update();
    }

    /** The encrypted name and creation time of a group, if its tree exists. */
    static Optional<GroupRow> group(JdbcClient jdbc, UUID groupId) {
        return jdbc.sql("select name, created_at from tenancy_group where group_id = ?")
                .param(groupId)
                .query((row, n) -> new GroupRow(row.getString(1), instant(row, 2)))
                .optional();
    }

    static void insertNode(JdbcClient jdbc, NodeRow node, String encryptedCreator) {
        jdbc.sql("insert into tenancy_node (id, group_id, kind, parent_id, name, created_by, created_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .params(
                        node.id(),
                        node.groupId(),
                        node.kind().name(),
                        node.parentId(),
                        node.encryptedName(),
                        encryptedCreator,
                        Timestamp.from(node.createdAt()))
                .update();
    }

    /** A node of the group in any state, its row locked until the transaction ends. */
    static Optional<NodeRow> lock(JdbcClient jdbc, UUID groupId, UUID nodeId) {
        return jdbc.sql("select " + NODE_COLUMNS + " where id = ? and group_id = ? for update")
                .params(nodeId, groupId)
                .query(NodeRepository::node)
                .optional();
    }

    static Optional<NodeRow> find(JdbcClient jdbc, UUID groupId, UUID nodeId) {
        return jdbc.sql("select " + NODE_COLUMNS + " where id = ? and group_id = ?")
                .params(nodeId, groupId)
                .query(NodeRepository::node)
                .optional();
    }

    /** The live children of a kind; a null parent means the group's companies. */
    static List<NodeRow> liveChildren(JdbcClient jdbc, UUID groupId, NodeKind kind, @Nullable UUID parentId) {
        String parent = parentId == null ? "parent_id is null" : "parent_id = :parent";
        JdbcClient.StatementSpec query = jdbc.sql("select " + NODE_COLUMNS + " where group_id = :group and " + parent
                        + " and kind = :kind and deleted_at is null")
                .param("group", groupId)
                .param("kind", kind.name());
        if (parentId != null) {
            query = query.param("parent", parentId);
        }
        return query.query(NodeRepository::node).list();
    }

    static void rename(JdbcClient jdbc, UUID nodeId, String encryptedName) {
        jdbc.sql("update tenancy_node set name = ? where id = ?")
                .params(encryptedName, nodeId)
                .update();
    }

    static void move(JdbcClient jdbc, UUID nodeId, UUID parentId) {
        jdbc.sql("update tenancy_node set parent_id = ? where id = ?")
                .params(parentId, nodeId)
                .update();
    }

    static void markDeleted(JdbcClient jdbc, UUID nodeId, Instant at, UUID deletedWith) {
        jdbc.sql("update tenancy_node set deleted_at = ?, deleted_with = ? where id = ? and deleted_at is null")
                .params(Timestamp.from(at), deletedWith, nodeId)
                .update();
    }

    static void restoreDeletedWith(JdbcClient jdbc, UUID groupId, UUID deletedWith) {
        jdbc.sql("update tenancy_node set deleted_at = null, deleted_with = null"
                        + " where group_id = ? and deleted_with = ?")
                .params(groupId, deletedWith)
                .update();
    }

    /** The group's nodes deleted before {@code before}, deepest first, so children go before parents. */
    static List<NodeRow> deletedBefore(JdbcClient jdbc, UUID groupId, Instant before) {
        List<NodeRow> rows = jdbc.sql("select " + NODE_COLUMNS + " where group_id = ? and deleted_at < ?")
                .params(groupId, Timestamp.from(before))
                .query(NodeRepository::node)
                .list();
        return rows.stream().sorted((a, b) -> b.kind().compareTo(a.kind())).toList();
    }

    static void purge(JdbcClient jdbc, UUID nodeId) {
        jdbc.sql("delete from tenancy_node where id = ?").param(nodeId).update();
    }

    /** The ids of the group's own row (if its tree exists) and of each of its nodes, as text. */
    static List<String> rowIds(JdbcClient jdbc, UUID groupId) {
        List<String> ids = new ArrayList<>(jdbc.sql("select group_id from tenancy_group where group_id = ?")
                .param(groupId)
                .query((row, n) -> row.getObject(1, UUID.class).toString())
                .list());
        ids.addAll(jdbc.sql("select id from tenancy_node where group_id = ?")
                .param(groupId)
                .query((row, n) -> row.getObject(1, UUID.class).toString())
                .list());
        return ids;
    }

    /** What a row of the group stores in an encrypted column of {@link #GROUPS} or {@link #NODES}. */
    static Optional<String> stored(JdbcClient jdbc, EncryptedColumn column, UUID groupId, UUID rowId) {
        // Names come from the declarations above, never from input.
        return jdbc.sql("select " + column.name() + " from " + column.table().name() + " where " + key(column)
                        + " = ? and group_id = ?")
                .params(rowId, groupId)
                .query(String.class)
                .optional();
    }

    /** Replaces a stored ciphertext if it is still the one read (compare-and-set); whether it was. */
    static boolean swap(JdbcClient jdbc, EncryptedColumn column, UUID rowId, String stored, String fresh) {
        return jdbc.sql("update " + column.table().name() + " set " + column.name() + " = ? where " + key(column)
                                + " = ? and " + column.name() + " = ?")
                        .params(fresh, rowId, stored)
                        .update()
                == 1;
    }

    private static String key(EncryptedColumn column) {
        return column.table() == GROUPS ? "group_id" : "id";
    }

    private static NodeRow node(ResultSet row, int n) throws SQLException {
        return new NodeRow(
                row.getObject("id", UUID.class),
                row.getObject("group_id", UUID.class),
                NodeKind.valueOf(row.getString("kind")),
                row.getObject("parent_id", UUID.class),
                row.getString("name"),
                instant(row, "created_at"),
                nullableInstant(row.getTimestamp("deleted_at")),
                row.getObject("deleted_with", UUID.class));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getTimestamp(column).toInstant();
    }

    @Nullable
    private static Instant nullableInstant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record GroupRow(String encryptedName, Instant createdAt) {}
}
