package io.selvedge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.ChildJvm;
import io.selvedge.testing.ChildJvm.Run;
import io.selvedge.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code java -jar selvedge.jar audit verify} as an operator runs it: exit codes 0 (intact) and 2 (usage). */
@Tag("store-independent")
class AuditCommandProcessIT {

    private static final Path JAR = ChildJvm.PACKAGED_JAR;

    @Test
    void theCommandVerifiesThePlatformTrailAndRefusesBadUsage() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as("the packaged jar").isTrue();
        Path dataDir = TestServer.newDataDirectory();

        Run intact = run(dataDir, "audit", "verify", "--platform");
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("The platform trail is intact");

        Run usage = run(dataDir, "audit", "verify", "--group", "not-a-group");
        assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
        assertThat(usage.output()).contains("Not a group id").contains("verify --group G");
    }

    private static Run run(Path dataDir, String... command) throws Exception {
        return ChildJvm.ofThePackagedJar()
                .arguments(command)
                .arguments("--selvedge.data-dir=" + dataDir)
                .run(Duration.ofSeconds(120));
    }
}
