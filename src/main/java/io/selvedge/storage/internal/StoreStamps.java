package io.selvedge.storage.internal;

import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.StoreId;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads and writes the stamp of a store, and refuses a store that belongs to another environment or
 * installation, or that holds demo data when the node runs in production.
 */
final class StoreStamps {

    static final String TABLE = "selvedge_store_stamp";

    private StoreStamps() {}

    static Optional<StoreStamp> read(DataSource dataSource) {
        if (!tableExists(dataSource)) {
            return Optional.empty();
        }
        return JdbcClient.create(dataSource)
                .sql("select store, environment, installation_id, demo_data, stamped_at from " + TABLE)
                .query((row, n) -> new StoreStamp(
                        row.getString("store"),
                        SelvedgeEnvironment.fromId(row.getString("environment")),
                        row.getString("installation_id"),
                        row.getBoolean("demo_data"),
                        row.getTimestamp("stamped_at").toInstant()))
                .list()
                .stream()
                .findFirst();
    }

    static StoreStamp write(
            DataSource dataSource, StoreId store, SelvedgeEnvironment environment, String installationId) {
        StoreStamp stamp = new StoreStamp(store.name(), environment, installationId, false, Instant.now());
        JdbcClient.create(dataSource)
                .sql("insert into " + TABLE
                        + " (store, environment, installation_id, demo_data, stamped_at) values (?, ?, ?, ?, ?)")
                .params(
                        stamp.store(),
                        stamp.environment().id(),
                        stamp.installationId(),
                        stamp.demoData(),
                        Timestamp.from(stamp.stampedAt()))
                .update();
        return stamp;
    }

    /** Records that demo data went into the store. */
    static void markDemoData(DataSource dataSource) {
        JdbcClient.create(dataSource)
                .sql("update " + TABLE + " set demo_data = true")
                .update();
    }

    /** Refuses to go on with a store that this node must not use. */
    static void check(
            StoreStamp stamp,
            StoreId store,
            String location,
            SelvedgeEnvironment nodeEnvironment,
            String expectedInstallationId) {
        if (stamp.environment() != nodeEnvironment) {
            throw new StartupRefusedException(
                    "the " + store + " store at " + location + " belongs to the "
                            + stamp.environment().id()
                            + " environment, but this node was started as " + nodeEnvironment.id()
                            + ". A store made for one environment is never used by another.",
                    "Start the node with SELVEDGE_ENVIRONMENT="
                            + stamp.environment().id() + ", or point it at the stores made for " + nodeEnvironment.id()
                            + ".");
        }
        if (expectedInstallationId != null && !expectedInstallationId.equals(stamp.installationId())) {
            throw new StartupRefusedException(
                    "the " + store + " store at " + location + " belongs to installation " + stamp.installationId()
                            + ", not to this one (" + expectedInstallationId + ")",
                    "Point each store setting at a store of this installation.");
        }
        if (nodeEnvironment.isProduction() && stamp.demoData()) {
            throw new StartupRefusedException(
                    "the " + store + " store at " + location + " holds demo data, which production refuses",
                    "Use stores that were made for production and never held demo data.");
        }
    }

    private static boolean tableExists(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            for (String name : new String[] {TABLE, TABLE.toUpperCase(java.util.Locale.ROOT)}) {
                try (ResultSet tables = connection.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                    if (tables.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the stamp of a store", e);
        }
    }
}
