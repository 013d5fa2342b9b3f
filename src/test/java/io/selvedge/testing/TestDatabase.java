package io.selvedge.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The database an integration run uses: H2 files in the data directory (the embedded default) or
 * fresh PostgreSQL databases, one per store, on the server at {@code SELVEDGE_TEST_POSTGRES_URL}
 * (default 127.0.0.1:5432, user postgres). Where PostgreSQL cannot be reached the PostgreSQL run is
 * skipped with a message, except in CI ({@code selvedge.test.mandatory}), where it fails.
 */
public final class TestDatabase {

    static final String ADMIN_URL =
            System.getenv().getOrDefault("SELVEDGE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    static final String ADMIN_USER = System.getenv().getOrDefault("SELVEDGE_TEST_POSTGRES_USER", "postgres");
    static final String ADMIN_PASSWORD = System.getenv().getOrDefault("SELVEDGE_TEST_POSTGRES_PASSWORD", "");

    private static final String PREFIX = "selvedge_it_";

    // Databases carry the creating JVM's pid; those of JVMs that have ended are dropped on the next run.
    // (A shutdown hook cannot do it: it would race the application's own shutdown, which still needs them.)
    private static boolean staleDropped;

    private TestDatabase() {}

    public static boolean isPostgresql() {
        return "postgresql".equalsIgnoreCase(System.getProperty("selvedge.test.database", "h2"));
    }

    public static boolean isMandatory() {
        return "true".equalsIgnoreCase(System.getProperty("selvedge.test.mandatory", System.getenv("CI")));
    }

    /** Store settings for a new installation: nothing on H2, or a fresh database per store on PostgreSQL. */
    public static Map<String, Object> storeProperties(List<String> regions) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (!isPostgresql()) {
            return properties;
        }
        dropThoseOfEndedRuns();
        String prefix = PREFIX + ProcessHandle.current().pid() + "_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        properties.put("selvedge.storage.global.jdbc-url", createDatabase(prefix + "_global"));
        properties.put("selvedge.storage.global.username", ADMIN_USER);
        properties.put("selvedge.storage.global.password", ADMIN_PASSWORD);
        for (String region : regions) {
            String key = "selvedge.storage.region." + region;
            properties.put(key + ".jdbc-url", createDatabase(prefix + "_" + region.toLowerCase(Locale.ROOT)));
            properties.put(key + ".username", ADMIN_USER);
            properties.put(key + ".password", ADMIN_PASSWORD);
        }
        return properties;
    }

    static boolean postgresqlReachable() {
        try (Connection ignored = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, ADMIN_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static synchronized String createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, ADMIN_PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the test database " + name + " at " + ADMIN_URL, e);
        }
        return ADMIN_URL.substring(0, ADMIN_URL.lastIndexOf('/') + 1) + name;
    }

    private static synchronized void dropThoseOfEndedRuns() {
        if (staleDropped) {
            return;
        }
        staleDropped = true;
        try (Connection connection = DriverManager.getConnection(ADMIN_URL, ADMIN_USER, ADMIN_PASSWORD);
                Statement statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet names =
                    statement.executeQuery("select datname from pg_database where datname like '" + PREFIX + "%'")) {
                while (names.next()) {
                    String name = names.getString(1);
                    if (!name.substring(PREFIX.length()).matches("\\d+_.*")) {
                        continue; // not named by this scheme: not ours to judge
                    }
                    long pid = Long.parseLong(name.substring(PREFIX.length(), name.indexOf('_', PREFIX.length())));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    stale.add(name);
                }
            }
            for (String name : stale) {
                statement.execute("drop database if exists " + name + " with (force)");
            }
        } catch (SQLException | RuntimeException e) {
            System.err.println("Could not drop the test databases of ended runs: " + e.getMessage());
        }
    }

    /** Skips the PostgreSQL run where PostgreSQL is absent, unless this run must have it. */
    public static final class AvailableCondition implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            if (!isPostgresql() || isMandatory() || postgresqlReachable()) {
                return ConditionEvaluationResult.enabled("database available");
            }
            return ConditionEvaluationResult.disabled("PostgreSQL is not reachable at " + ADMIN_URL
                    + ": the PostgreSQL suite is skipped here (in CI it is mandatory)");
        }
    }
}
