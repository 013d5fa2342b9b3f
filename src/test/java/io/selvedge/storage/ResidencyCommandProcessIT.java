package io.selvedge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.selvedge.testing.ChildJvm;
import io.selvedge.testing.ChildJvm.Run;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar target/selvedge.jar residency report --group G} as an operator runs it: a process of
 * its own on a data directory of its own, its exit code telling clean (0), found elsewhere (1) and
 * unknown group (2).
 */
@Tag("store-independent")
class ResidencyCommandProcessIT {

    static final Path JAR = ChildJvm.PACKAGED_JAR;

    @Test
    void theCommandReportsThroughItsExitCode() throws Exception {
        assumeTrue(
                Files.isRegularFile(JAR) || TestDatabase.isMandatory(),
                "target/selvedge.jar is not built: run through 'mvn verify' to test the command as a process");
        Path dataDir = TestServer.newDataDirectory("command");
        UUID group = UUID.randomUUID();

        Run unknown = residencyReport(dataDir, group);
        assertThat(unknown.exitCode()).as(unknown.output()).isEqualTo(2);
        assertThat(unknown.output()).contains("Unknown group: " + group);

        register(dataDir, group, "eu");
        Run clean = residencyReport(dataDir, group);
        assertThat(clean.exitCode()).as(clean.output()).isZero();
        assertThat(clean.output()).contains("region eu").contains("Clean");

        Path stray = dataDir.resolve("regions/us/blobs/groups/" + group + "/stray");
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "misplaced");
        Run found = residencyReport(dataDir, group);
        assertThat(found.exitCode()).as(found.output()).isEqualTo(1);
        assertThat(found.output()).contains("FOUND").contains("groups/" + group + "/");
    }

    private static Run residencyReport(Path dataDir, UUID group) throws IOException, InterruptedException {
        return ChildJvm.ofThePackagedJar()
                .arguments(
                        "residency",
                        "report",
                        "--group",
                        group.toString(),
                        "--selvedge.data-dir=" + dataDir,
                        "--selvedge.environment=test",
                        "--selvedge.storage.regions=us,eu,apac")
                .run(Duration.ofMinutes(3));
    }

    /** What the directory does when a group is created, written straight into the global H2 store. */
    private static void register(Path dataDir, UUID group, String region) throws SQLException {
        String url = "jdbc:h2:file:" + dataDir.resolve("global").resolve("selvedge")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = connection.prepareStatement(
                        "insert into group_residency (group_id, region, registered_at) values (?, ?, ?)")) {
            insert.setObject(1, group);
            insert.setString(2, region);
            insert.setTimestamp(3, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }
}
