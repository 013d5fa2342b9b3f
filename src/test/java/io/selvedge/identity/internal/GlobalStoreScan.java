package io.selvedge.identity.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads every cell of every table of the global store, looking for secrets as text or as bytes. */
final class GlobalStoreScan {

    private GlobalStoreScan() {}

    /** Where the secrets occur, as "table.column"; empty when nowhere. */
    static List<String> occurrences(JdbcTemplate jdbc, String... secrets) {
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type in ('BASE TABLE', 'TABLE')",
                String.class);
        if (tables.isEmpty()) {
            throw new AssertionError("found no tables to scan");
        }
        List<String> found = new ArrayList<>();
        for (String table : tables) {
            jdbc.query("select * from " + table, (ResultSet row) -> {
                ResultSetMetaData columns = row.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    Object value = row.getObject(i);
                    byte[] bytes = value instanceof byte[] binary ? binary : null;
                    String text = value == null || bytes != null ? null : String.valueOf(value);
                    for (String secret : secrets) {
                        if ((text != null && text.contains(secret)) || contains(bytes, secret)) {
                            found.add(table + "." + columns.getColumnName(i));
                        }
                    }
                }
            });
        }
        return found;
    }

    private static boolean contains(byte[] haystack, String secret) {
        if (haystack == null) {
            return false;
        }
        byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
