package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.ChildJvm;
import io.selvedge.testing.TestServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The packaged server as an operator runs it: {@code java -jar target/selvedge.jar}. It starts on a new
 * data directory, and a production node started on that development data exits non-zero, naming both
 * environments.
 */
@Tag("store-independent")
class ProcessExitIT {

    private static final Path JAR = ChildJvm.PACKAGED_JAR;
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    @Test
    void productionOnDevelopmentDataExitsNonZeroNamingBothEnvironments() throws Exception {
        Path dataDir = TestServer.newDataDirectory();
        startUntilReadyThenStop(dataDir, "development");

        Process production = launch(dataDir, "production");
        String output = readAll(production);

        assertThat(production.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(production.exitValue()).isNotZero();
        assertThat(output).contains("belongs to the development environment").contains("started as production");
    }

    @Test
    void anUnknownCommandExitsWithAUsageError() throws Exception {
        Process process = ChildJvm.ofThePackagedJar()
                .arguments("no-such-command", "--selvedge.data-dir=" + TestServer.newDataDirectory())
                .start();
        String output = readAll(process);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(output).contains("Unknown command: no-such-command");
    }

    private static void startUntilReadyThenStop(Path dataDir, String environment) throws Exception {
        Process server = launch(dataDir, environment);
        long started = System.nanoTime();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                seen.add(line);
                if (line.contains("Started SelvedgeApplication")) {
                    System.out.printf(
                            "The packaged server was ready %d ms after launch%n",
                            Duration.ofNanos(System.nanoTime() - started).toMillis());
                    return;
                }
                if (Duration.ofNanos(System.nanoTime() - started).compareTo(READY_WITHIN) > 0) {
                    break;
                }
            }
            throw new AssertionError("The server did not start: " + String.join("\n", seen));
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static Process launch(Path dataDir, String environment) throws IOException {
        assertThat(Files.isRegularFile(JAR))
                .as("the packaged jar (mvn package runs before the ITs)")
                .isTrue();
        return ChildJvm.ofThePackagedJar()
                .arguments(
                        "--selvedge.data-dir=" + dataDir,
                        "--selvedge.environment=" + environment,
                        "--selvedge.port=0",
                        "--selvedge.management.port=0")
                .start();
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
