package io.selvedge.platform;

import java.util.Collection;
import org.jspecify.annotations.Nullable;

/**
 * CSV for auditors' spreadsheets, as RFC 4180: every cell quoted, quotes doubled, lines ended by CRLF; and
 * formula-safe: a cell a spreadsheet would run (starting with {@code = + - @}, a tab or a carriage return)
 * starts with an apostrophe, so a name someone typed cannot become a formula on an auditor's machine.
 */
public final class CsvLines {

    private CsvLines() {}

    /** One line of the given cells (null: an empty cell), CRLF included. */
    public static String line(Collection<?> cells) {
        StringBuilder line = new StringBuilder();
        for (Object value : cells) {
            if (!line.isEmpty()) {
                line.append(',');
            }
            line.append(cell(value == null ? null : value.toString()));
        }
        return line.append("\r\n").toString();
    }

    /** One line of the given cells (null: an empty cell), CRLF included. */
    public static String line(@Nullable Object... cells) {
        return line(java.util.Arrays.asList(cells));
    }

    /** A quoted, formula-safe cell. */
    public static String cell(@Nullable String value) {
        String safe = value == null ? "" : value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
