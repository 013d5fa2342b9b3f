package io.selvedge.crypto;

import io.selvedge.storage.GroupDataPlane;
import io.selvedge.storage.GroupDataPlanes;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A {@link ReEncryptable} for the encrypted text columns (Base64 of a field ciphertext bound to table,
 * column and row id) of one regional table with a uuid {@code id} and a {@code group_id}: the module that
 * owns the table declares one as a bean, with its table and columns. Rows are walked in the database's
 * own uuid order; each stale column is swapped by compare-and-set, so a concurrent edit is never lost.
 */
public final class EncryptedColumns implements ReEncryptable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final String table;
    private final List<String> columns;
    private final GroupDataPlanes planes;

    /**
     * The re-encryption of every column the table declares.
     *
     * @param name the participant's name, e.g. {@code content.styles}
     */
    public EncryptedColumns(String name, EncryptedTable table, GroupDataPlanes planes) {
        this(
                name,
                table.name(),
                table.columns().stream().map(EncryptedColumn::name).toList(),
                planes);
    }

    /**
     * @param name the participant's name, e.g. {@code content.styles}
     * @param table the table (a constant of the owning module, never input)
     * @param columns its encrypted text columns (nullable ones are skipped when null)
     */
    public EncryptedColumns(String name, String table, List<String> columns, GroupDataPlanes planes) {
        if (!NAME.matcher(table).matches()
                || !columns.stream().allMatch(c -> NAME.matcher(c).matches())) {
            throw new IllegalArgumentException("Table and column names are lower-case identifiers");
        }
        this.name = name;
        this.table = table;
        this.columns = List.copyOf(columns);
        this.planes = planes;
    }

    @Override
    public String name() {
        return name;
    }

    /** The table whose columns this re-encrypts. */
    public String table() {
        return table;
    }

    /** The columns this re-encrypts. */
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<String> itemsAfter(UUID groupId, @Nullable String after, int limit) {
        JdbcClient jdbc = planes.of(groupId).jdbc();
        String select = "select id from " + table + " where group_id = ?";
        JdbcClient.StatementSpec query = after == null
                ? jdbc.sql(select + " order by id limit ?").params(groupId, limit)
                : jdbc.sql(select + " and id > ? order by id limit ?").params(groupId, UUID.fromString(after), limit);
        return query.query(UUID.class).list().stream().map(UUID::toString).toList();
    }

    @Override
    public boolean reEncrypt(UUID groupId, String itemId, ReEncryption reEncryption) {
        GroupDataPlane plane = planes.of(groupId);
        UUID rowId = UUID.fromString(itemId);
        boolean rewritten = false;
        for (String column : columns) {
            List<String> found = plane.jdbc()
                    .sql("select " + column + " from " + table + " where id = ? and group_id = ?")
                    .params(rowId, groupId)
                    .query((row, n) -> row.getString(1))
                    .list();
            String stored = found.isEmpty() ? null : found.get(0);
            if (stored == null) {
                continue; // the row is gone, or this column is empty
            }
            byte[] ciphertext = Base64.getDecoder().decode(stored);
            if (!reEncryption.isStale(ciphertext)) {
                continue;
            }
            String fresh =
                    Base64.getEncoder().encodeToString(reEncryption.reEncryptField(ciphertext, table, column, itemId));
            rewritten |= plane.jdbc()
                            .sql("update " + table + " set " + column + " = ? where id = ? and " + column + " = ?")
                            .params(fresh, rowId, stored)
                            .update()
                    == 1;
        }
        return rewritten;
    }
}
