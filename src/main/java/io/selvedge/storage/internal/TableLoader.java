package io.selvedge.storage.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Loads the rows of a backup into a database migrated to the backup's schema version: empties the tables
 * (rows the migrations seeded), inserts each table after those it refers to, streaming its file in
 * batches. A table that refers to itself (a tree) gets those columns in a second pass. Identity columns
 * keep their values and continue after the highest.
 */
final class TableLoader {

    private static final int BATCH = 500;

    private final Connection connection;
    private final String schema;

    TableLoader(Connection connection) throws SQLException {
        this.connection = connection;
        this.schema = connection.getSchema();
    }

    void load(BackupFolder folder, String prefix, Collection<String> backedUp) throws SQLException, IOException {
        List<String> tables = StoreSnapshot.tablesOf(connection);
        for (String table : backedUp) {
            if (!tables.contains(table)) {
                throw new BackupRefusedException(
                        "the backup holds the table " + table + ", which the schema at its version lacks");
            }
        }
        List<String> order = inDependencyOrder(tables);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            try (Statement statement = connection.createStatement()) {
                for (int i = order.size() - 1; i >= 0; i--) {
                    statement.executeUpdate("delete from " + StoreSnapshot.quoted(order.get(i)));
                }
            }
            connection.commit();
            for (String table : order) {
                if (backedUp.contains(table)) {
                    loadTable(folder, prefix + table + ".jsonl", table);
                    connection.commit();
                }
            }
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private void loadTable(BackupFolder folder, String path, String table) throws SQLException, IOException {
        Map<String, Column> columns = columnsOf(table);
        Set<String> selfReferences = selfReferencingColumns(table, columns);
        List<String> keys = primaryKeyOf(table);
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(folder.open(path), StandardCharsets.UTF_8))) {
            List<String> names = new ArrayList<>();
            StoreBackupService.LINES.readTree(lines.readLine()).get("columns").forEach(n -> names.add(n.asString()));
            List<Column> targets = new ArrayList<>();
            for (String name : names) {
                Column column = columns.get(name);
                if (column == null) {
                    throw new BackupRefusedException(
                            "the backup's table " + table + " has a column " + name + " that the schema lacks");
                }
                targets.add(column);
            }
            boolean identity = targets.stream().anyMatch(Column::identity);
            String insert = "insert into " + StoreSnapshot.quoted(table) + " ("
                    + String.join(
                            ", ", names.stream().map(StoreSnapshot::quoted).toList()) + ")"
                    + (identity ? " overriding system value" : "") + " values ("
                    + String.join(", ", names.stream().map(n -> "?").toList()) + ")";
            try (PreparedStatement statement = connection.prepareStatement(insert)) {
                int pending = 0;
                for (String line; (line = lines.readLine()) != null; ) {
                    JsonNode row = StoreBackupService.LINES.readTree(line);
                    for (int i = 0; i < targets.size(); i++) {
                        Column column = targets.get(i);
                        JsonNode value = selfReferences.contains(column.name()) ? null : row.get(i);
                        column.kind().bind(statement, i + 1, value, column.jdbcType(), column.typeName());
                    }
                    statement.addBatch();
                    if (++pending == BATCH) {
                        statement.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    statement.executeBatch();
                }
            }
        }
        if (!selfReferences.isEmpty()) {
            linkSelfReferences(folder, path, table, columns, selfReferences, keys);
        }
        for (Column column : columns.values()) {
            if (column.identity()) {
                continueIdentity(table, column.name());
            }
        }
    }

    private void linkSelfReferences(
            BackupFolder folder,
            String path,
            String table,
            Map<String, Column> columns,
            Set<String> selfReferences,
            List<String> keys)
            throws SQLException, IOException {
        if (keys.isEmpty()) {
            throw new BackupRefusedException("the table " + table + " refers to itself and has no primary key");
        }
        List<String> set = new ArrayList<>(selfReferences);
        String update = "update " + StoreSnapshot.quoted(table) + " set "
                + String.join(
                        ", ",
                        set.stream().map(c -> StoreSnapshot.quoted(c) + " = ?").toList()) + " where "
                + String.join(
                        " and ",
                        keys.stream().map(c -> StoreSnapshot.quoted(c) + " = ?").toList());
        try (BufferedReader lines =
                        new BufferedReader(new InputStreamReader(folder.open(path), StandardCharsets.UTF_8));
                PreparedStatement statement = connection.prepareStatement(update)) {
            List<String> names = new ArrayList<>();
            StoreBackupService.LINES.readTree(lines.readLine()).get("columns").forEach(n -> names.add(n.asString()));
            int pending = 0;
            for (String line; (line = lines.readLine()) != null; ) {
                JsonNode row = StoreBackupService.LINES.readTree(line);
                if (set.stream().allMatch(c -> row.get(names.indexOf(c)).isNull())) {
                    continue;
                }
                int p = 1;
                for (String name : set) {
                    Column column = columns.get(name);
                    column.kind()
                            .bind(statement, p++, row.get(names.indexOf(name)), column.jdbcType(), column.typeName());
                }
                for (String key : keys) {
                    Column column = columns.get(key);
                    column.kind()
                            .bind(statement, p++, row.get(names.indexOf(key)), column.jdbcType(), column.typeName());
                }
                statement.addBatch();
                if (++pending == BATCH) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        }
    }

    private void continueIdentity(String table, String column) throws SQLException {
        long next;
        try (Statement statement = connection.createStatement();
                ResultSet max = statement.executeQuery(
                        "select max(" + StoreSnapshot.quoted(column) + ") from " + StoreSnapshot.quoted(table))) {
            max.next();
            next = max.getLong(1) + 1;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table " + StoreSnapshot.quoted(table) + " alter column "
                    + StoreSnapshot.quoted(column) + " restart with " + next);
        }
    }

    record Column(String name, int jdbcType, String typeName, ColumnValues kind, boolean nullable, boolean identity) {}

    private Map<String, Column> columnsOf(String table) throws SQLException {
        Map<String, Column> columns = new LinkedHashMap<>();
        try (ResultSet found = connection.getMetaData().getColumns(null, schema, table, null)) {
            while (found.next()) {
                String name = found.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int type = found.getInt("DATA_TYPE");
                String typeName = found.getString("TYPE_NAME");
                columns.put(
                        name,
                        new Column(
                                name,
                                type,
                                typeName,
                                ColumnValues.of(type, typeName),
                                "YES".equals(found.getString("IS_NULLABLE")),
                                "YES".equals(found.getString("IS_AUTOINCREMENT"))));
            }
        }
        return columns;
    }

    /** The nullable columns of foreign keys from the table to itself: set after all its rows are in. */
    private Set<String> selfReferencingColumns(String table, Map<String, Column> columns) throws SQLException {
        Set<String> self = new TreeSet<>();
        try (ResultSet keys = connection.getMetaData().getImportedKeys(null, schema, table)) {
            while (keys.next()) {
                if (keys.getString("PKTABLE_NAME").equalsIgnoreCase(table)) {
                    Column column = columns.get(keys.getString("FKCOLUMN_NAME").toLowerCase(Locale.ROOT));
                    if (column != null && column.nullable()) {
                        self.add(column.name());
                    }
                }
            }
        }
        return self;
    }

    private List<String> primaryKeyOf(String table) throws SQLException {
        Map<Integer, String> keys = new java.util.TreeMap<>();
        try (ResultSet found = connection.getMetaData().getPrimaryKeys(null, schema, table)) {
            while (found.next()) {
                keys.put(found.getInt("KEY_SEQ"), found.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(keys.values());
    }

    /** Each table after the tables it refers to; a cycle between tables is refused. */
    private List<String> inDependencyOrder(List<String> tables) throws SQLException {
        Map<String, Set<String>> refersTo = new LinkedHashMap<>();
        for (String table : tables) {
            Set<String> referred = new LinkedHashSet<>();
            try (ResultSet keys = connection.getMetaData().getImportedKeys(null, schema, table)) {
                while (keys.next()) {
                    String other = keys.getString("PKTABLE_NAME");
                    if (!other.equalsIgnoreCase(table) && tables.contains(other)) {
                        referred.add(other);
                    }
                }
            }
            refersTo.put(table, referred);
        }
        List<String> order = new ArrayList<>();
        Deque<String> ready = new ArrayDeque<>();
        refersTo.forEach((table, referred) -> {
            if (referred.isEmpty()) {
                ready.add(table);
            }
        });
        while (!ready.isEmpty()) {
            String table = ready.poll();
            order.add(table);
            refersTo.forEach((other, referred) -> {
                if (referred.remove(table) && referred.isEmpty()) {
                    ready.add(other);
                }
            });
        }
        if (order.size() != tables.size()) {
            throw new IllegalStateException("The tables refer to each other in a cycle: " + refersTo);
        }
        return order;
    }
}
