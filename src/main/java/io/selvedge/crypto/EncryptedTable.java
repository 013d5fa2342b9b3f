package io.selvedge.crypto;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one declaration of a table's encrypted columns: the owning module declares each table once, as a
 * constant, and writes, reads and re-encrypts its columns only through the {@link EncryptedColumn}s it
 * hands out, so a column cannot be written under one name and re-encrypted under another. Each
 * ciphertext is bound to its table, column and row id (the associated data), so a value moved to
 * another place fails to decrypt.
 *
 * <p>Declare the columns while the table is built ({@code EncryptedTable.named("content_style")
 * .column("name")...}), then make the table's {@link EncryptedColumns} bean from it for the
 * re-encryption after a key rotation.
 */
public final class EncryptedTable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String name;
    private final List<EncryptedColumn> columns = new ArrayList<>();

    private EncryptedTable(String name) {
        this.name = requireIdentifier(name);
    }

    public static EncryptedTable named(String table) {
        return new EncryptedTable(table);
    }

    /** Declares an encrypted text column of this table and returns it. */
    public EncryptedColumn column(String column) {
        EncryptedColumn declared = new EncryptedColumn(this, requireIdentifier(column));
        synchronized (columns) {
            if (columns.stream().anyMatch(existing -> existing.name().equals(column))) {
                throw new IllegalArgumentException("Column " + name + "." + column + " is declared twice");
            }
            columns.add(declared);
        }
        return declared;
    }

    public String name() {
        return name;
    }

    /** Every encrypted column declared for this table, in declaration order. */
    public List<EncryptedColumn> columns() {
        synchronized (columns) {
            return List.copyOf(columns);
        }
    }

    @Override
    public String toString() {
        return name;
    }

    static String requireIdentifier(String identifier) {
        if (!NAME.matcher(identifier).matches()) {
            throw new IllegalArgumentException("Table and column names are lower-case identifiers: " + identifier);
        }
        return identifier;
    }
}
