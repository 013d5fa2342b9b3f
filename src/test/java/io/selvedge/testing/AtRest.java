package io.selvedge.testing;

import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Looks for a marker where data rests: every byte of every file under a data directory, and every
 * value of every table of every store. What a test put in through the application must not be found.
 */
public final class AtRest {

    private AtRest() {}

    /** Files under {@code dir} whose bytes contain the marker, in UTF-8 or UTF-16. */
    public static List<Path> filesContaining(Path dir, String marker, Predicate<Path> exempt) {
        return filesContainingAny(dir, List.of(marker), exempt);
    }

    /** The files holding any of the markers (UTF-8 or UTF-16), each file read once whatever their number. */
    public static List<Path> filesContainingAny(Path dir, Collection<String> markers, Predicate<Path> exempt) {
        List<byte[]> needles = markers.stream()
                .flatMap(marker -> Stream.of(
                        marker.getBytes(StandardCharsets.UTF_8),
                        marker.getBytes(StandardCharsets.UTF_16LE),
                        marker.getBytes(StandardCharsets.UTF_16BE)))
                .toList();
        Needles search = new Needles(needles);
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(exempt.negate())
                    .filter(file -> search.foundIn(read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Files under {@code dir} holding these exact bytes (a slice of an image, say, which no text encodes). */
    public static List<Path> filesContainingBytes(Path dir, byte[] marker) {
        try (Stream<Path> files = Files.walk(dir)) {
            Needles search = new Needles(List.of(marker));
            return files.filter(Files::isRegularFile)
                    .filter(file -> search.foundIn(read(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code store:table.column} for every value, in every table of every store, that contains the marker. */
    public static List<String> valuesContaining(Stores stores, String marker) {
        return valuesContainingAny(stores, List.of(marker));
    }

    /** The same for any of the markers, every table read once. */
    public static List<String> valuesContainingAny(Stores stores, Collection<String> markers) {
        List<String> hits = new ArrayList<>();
        for (Store store : stores.all()) {
            try (Connection connection = store.dataSource().getConnection()) {
                for (String table : tables(connection)) {
                    try (Statement statement = connection.createStatement();
                            ResultSet rows = statement.executeQuery("select * from " + table)) {
                        int columns = rows.getMetaData().getColumnCount();
                        while (rows.next()) {
                            for (int column = 1; column <= columns; column++) {
                                Object value = rows.getObject(column);
                                if (markers.stream().anyMatch(marker -> valueContains(value, marker))) {
                                    hits.add(store.id() + ":" + table + "."
                                            + rows.getMetaData().getColumnName(column));
                                }
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot scan the " + store.id() + " store", e);
            }
        }
        return hits;
    }

    /** Makes embedded H2 stores write everything to their files, so a file scan sees all of it. */
    public static void flushEmbeddedStores(Stores stores) {
        for (Store store : stores.all()) {
            try (Connection connection = store.dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                if (connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("h2")) {
                    statement.execute("checkpoint sync");
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        String schema = connection
                        .getMetaData()
                        .getDatabaseProductName()
                        .toLowerCase(Locale.ROOT)
                        .contains("h2")
                ? "public"
                : connection.getSchema();
        try (ResultSet found = connection.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (found.next()) {
                tables.add(found.getString("TABLE_NAME"));
            }
        }
        return tables;
    }

    private static boolean valueContains(Object value, String marker) {
        if (value == null) {
            return false;
        }
        if (value instanceof byte[] bytes) {
            return contains(bytes, marker.getBytes(StandardCharsets.UTF_8));
        }
        return value.toString().contains(marker);
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Several needles looked for in one pass over a file: each position's two bytes index the needles that
     * start with them, so a shared data directory of hundreds of megabytes is read once per scan, not once
     * per needle and encoding.
     */
    static final class Needles {

        private final List<byte[]>[] byFirstTwoBytes;
        private final List<byte[]> oneByte;

        @SuppressWarnings("unchecked")
        Needles(Collection<byte[]> needles) {
            byFirstTwoBytes = new List[1 << 16];
            oneByte = new ArrayList<>();
            for (byte[] needle : needles) {
                if (needle.length < 2) {
                    oneByte.add(needle);
                    continue;
                }
                int key = (needle[0] & 0xff) << 8 | (needle[1] & 0xff);
                if (byFirstTwoBytes[key] == null) {
                    byFirstTwoBytes[key] = new ArrayList<>();
                }
                byFirstTwoBytes[key].add(needle);
            }
        }

        boolean foundIn(byte[] haystack) {
            for (byte[] needle : oneByte) {
                if (contains(haystack, needle)) {
                    return true;
                }
            }
            for (int i = 0; i + 1 < haystack.length; i++) {
                List<byte[]> candidates = byFirstTwoBytes[(haystack[i] & 0xff) << 8 | (haystack[i + 1] & 0xff)];
                if (candidates == null) {
                    continue;
                }
                for (byte[] needle : candidates) {
                    if (i + needle.length <= haystack.length
                            && Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
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
