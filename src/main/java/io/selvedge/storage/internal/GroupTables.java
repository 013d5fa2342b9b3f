package io.selvedge.storage.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Counts a group's rows in every table of a database that has a {@code group_id} column, found through
 * JDBC metadata, so a table added by any module is scanned without being named here.
 */
final class GroupTables {

    static final String COLUMN = "group_id";

    private GroupTables() {}

    /** Rows of the group per table, for the tables that have any, in table-name order. */
    static Map<String, Long> rowsOf(DataSource dataSource, UUID groupId) {
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData metadata = connection.getMetaData();
            String quote = metadata.getIdentifierQuoteString().trim();
            for (Column column : groupColumns(connection)) {
                String sql = "select count(*) from " + quoted(column.schema(), quote) + "."
                        + quoted(column.table(), quote) + " where " + quoted(column.name(), quote) + " = ?";
                try (PreparedStatement count = connection.prepareStatement(sql)) {
                    if (column.isUuid()) {
                        count.setObject(1, groupId);
                    } else {
                        count.setString(1, groupId.toString());
                    }
                    try (ResultSet result = count.executeQuery()) {
                        long n = result.next() ? result.getLong(1) : 0;
                        if (n > 0) {
                            rows.put(column.table(), n);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot scan a store's tables for a group's rows", e);
        }
        return rows;
    }

    private static List<Column> groupColumns(Connection connection) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet found = metadata.getTables(connection.getCatalog(), schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                tables.add(found.getString("TABLE_NAME"));
            }
        }
        List<Column> columns = new ArrayList<>();
        try (ResultSet found = metadata.getColumns(connection.getCatalog(), schema, "%", "%")) {
            while (found.next()) {
                String name = found.getString("COLUMN_NAME");
                String table = found.getString("TABLE_NAME");
                if (COLUMN.equalsIgnoreCase(name) && tables.contains(table)) {
                    columns.add(new Column(found.getString("TABLE_SCHEM"), table, name, found.getString("TYPE_NAME")));
                }
            }
        }
        columns.sort((a, b) -> a.table().compareTo(b.table()));
        return columns;
    }

    /** Names come from the database's own metadata; quoting keeps odd ones from breaking the query. */
    private static String quoted(String identifier, String quote) {
        if (quote.isEmpty()) {
            return identifier;
        }
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    private record Column(String schema, String table, String name, String type) {
        boolean isUuid() {
            return type != null && type.toLowerCase(Locale.ROOT).contains("uuid");
        }
    }
}
