package io.selvedge.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code java -jar selvedge.jar audit verify} as an operator runs it: exit codes 0 (intact) and 2 (usage). */
@Tag("store-independent")
class AuditCommandProcessIT {

    private static final Path JAR = Path.of("target", "selvedge.jar");

    @Test
    void theCommandVerifiesThePlatformTrailAndRefusesBadUsage() throws Exception {
        assertThat(Files.isRegularFile(JAR)).as("the packaged jar").isTrue();
        Path dataDir = TestServers.newDataDirectory();

        Run intact = run(dataDir, "audit", "verify", "--platform");
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("The platform trail is intact");

        Run usage = run(dataDir, "audit", "verify", "--group", "not-a-group");
        assertThat(usage.exitCode()).as(usage.output()).isEqualTo(2);
        assertThat(usage.output()).contains("Not a group id").contains("verify --group G");
    }

    record Run(int exitCode, String output) {}

    private static Run run(Path dataDir, String... command) throws Exception {
        String[] arguments = new String[command.length + 4];
        arguments[0] = ProcessHandle.current().info().command().orElse("java");
        arguments[1] = "-jar";
        arguments[2] = JAR.toString();
        System.arraycopy(command, 0, arguments, 3, command.length);
        arguments[arguments.length - 1] = "--selvedge.data-dir=" + dataDir;
        Process process =
                new ProcessBuilder(arguments).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), output);
    }
}
