package io.selvedge.storage.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;

/**
 * One database read in a single read-only transaction that sees one snapshot: REPEATABLE READ on
 * PostgreSQL, SNAPSHOT on H2, both fixed by the first read. Each table is written as JSON Lines: a
 * header naming the columns, then one array of values per row, streamed (bounded memory).
 */
final class StoreSnapshot implements AutoCloseable {

    /** Tables that are not data: the migrations' own history, and the job locks of running nodes. */
    static final Set<String> NOT_DATA = Set.of("flyway_schema_history", "job_lock");

    private static final int FETCH_SIZE = 500;

    private final Connection connection;
    private final boolean h2;
    private final String schemaVersion;

    StoreSnapshot(DataSource dataSource) throws SQLException {
        connection = dataSource.getConnection();
        try {
            h2 = connection.getMetaData().getDatabaseProductName().equalsIgnoreCase("H2");
            if (h2) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set session characteristics as transaction isolation level snapshot");
                }
            } else {
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            }
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            schemaVersion = readSchemaVersion(connection);
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The Flyway version the schema had at the snapshot (its first read, which fixes the snapshot). */
    String schemaVersion() {
        return schemaVersion;
    }

    static String readSchemaVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select version from flyway_schema_history where success = true and version is not null")) {
            String latest = null;
            while (rows.next()) {
                String version = rows.getString(1);
                if (latest == null || compareVersions(version, latest) > 0) {
                    latest = version;
                }
            }
            if (latest == null) {
                throw new SQLException("The store has no applied migrations");
            }
            return latest;
        }
    }

    static int compareVersions(String a, String b) {
        String[] left = a.split("[._]");
        String[] right = b.split("[._]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            long l = i < left.length ? Long.parseLong(left[i]) : 0;
            long r = i < right.length ? Long.parseLong(right[i]) : 0;
            if (l != r) {
                return Long.compare(l, r);
            }
        }
        return 0;
    }

    /** The data tables of the snapshot's schema, sorted by name. */
    List<String> tables() throws SQLException {
        return tablesOf(connection);
    }

    static List<String> tablesOf(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet found =
                connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (found.next()) {
                String name = found.getString("TABLE_NAME");
                if (!NOT_DATA.contains(name.toLowerCase(Locale.ROOT))) {
                    tables.add(name);
                }
            }
        }
        tables.sort(null);
        return tables;
    }

    /** Writes every row of the table to {@code out}; returns how many. */
    long writeTable(String table, java.io.OutputStream out, JsonMapper json) throws SQLException, IOException {
        long rows = 0;
        try (Statement statement = connection.createStatement()) {
            statement.setFetchSize(FETCH_SIZE);
            try (ResultSet result = statement.executeQuery("select * from " + quoted(table));
                    Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8))) {
                ResultSetMetaData meta = result.getMetaData();
                int count = meta.getColumnCount();
                ColumnValues[] kinds = new ColumnValues[count];
                Map<String, Object> header = new LinkedHashMap<>();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= count; i++) {
                    kinds[i - 1] = ColumnValues.of(meta.getColumnType(i), meta.getColumnTypeName(i));
                    columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
                }
                header.put("table", table);
                header.put("columns", columns);
                writer.write(json.writeValueAsString(header));
                writer.write('\n');
                while (result.next()) {
                    ArrayNode row = json.createArrayNode();
                    for (int i = 1; i <= count; i++) {
                        row.add(kinds[i - 1].read(result, i));
                    }
                    writer.write(json.writeValueAsString(row));
                    writer.write('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    static String quoted(String identifier) {
        if (!identifier.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("Not a table or column name: " + identifier);
        }
        return identifier;
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.rollback();
            if (h2) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set session characteristics as transaction isolation level read committed");
                }
            }
            connection.setReadOnly(false);
            connection.setAutoCommit(true);
        } finally {
            connection.close();
        }
    }
}
