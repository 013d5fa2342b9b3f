package io.selvedge.storage.internal;

import io.selvedge.storage.StoreKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The tables this version of Selvedge's migrations make for a kind of store (a backup is taken by the running
 * version, whose stores are migrated to its newest schema): a backup takes these and leaves out any other table
 * someone made in the database by hand, which a restore could not make again. Found by migrating an empty
 * in-memory database in the embedded stores' mode (PostgreSQL's own migrations add indexes, no tables).
 */
final class SelvedgeTables {

    private static final Map<StoreKind, Set<String>> KNOWN = new ConcurrentHashMap<>();

    private SelvedgeTables() {}

    static Set<String> of(StoreKind kind) {
        return KNOWN.computeIfAbsent(kind, SelvedgeTables::migrated);
    }

    private static Set<String> migrated(StoreKind kind) {
        JdbcDataSource scratch = new JdbcDataSource();
        scratch.setURL("jdbc:h2:mem:selvedge-tables-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=0");
        scratch.setUser("sa");
        try (Connection open = scratch.getConnection()) { // keeps the in-memory database while it is migrated
            Flyway.configure()
                    .dataSource(scratch)
                    .locations(kind == StoreKind.GLOBAL ? "classpath:db/global" : "classpath:db/regional")
                    .load()
                    .migrate();
            Set<String> tables = new HashSet<>();
            for (String table : StoreSnapshot.tablesOf(open)) {
                tables.add(table.toLowerCase(Locale.ROOT));
            }
            return Set.copyOf(tables);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not work out the tables of the " + kind + " schema", e);
        }
    }
}
