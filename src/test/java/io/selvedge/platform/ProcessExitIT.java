package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.ChildJvm;
import io.selvedge.testing.ImageJdk;
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
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.springframework.util.FileSystemUtils;

/**
 * The packaged server as an operator runs it: {@code java -jar target/selvedge.jar}. Extracted beside its
 * libraries and trained once, as the image does (Dockerfile), it starts from what the training made: an
 * ahead-of-time cache on the image's JDK where this machine has it, else a class data archive on the test's JDK
 * (README, "Faster start"), and reports its time to ready (printed and in the failsafe report; measured, not
 * asserted: under CI's load it says more about the machine than the code). A production node started on the
 * training's development data exits non-zero, naming both environments.
 */
@Tag("store-independent")
class ProcessExitIT {

    private static final Path JAR = ChildJvm.PACKAGED_JAR;
    // Guards against a hang, not a speed check: a start on a machine shared with other builds took 213 s.
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration EXTRACTED_WITHIN = Duration.ofSeconds(60);
    private static final Duration TRAINED_WITHIN = Duration.ofMinutes(10);

    /** The packaged jar extracted beside its libraries, as the image holds it. */
    static Path extracted;
    /** The image's JDK, if this machine has it: the training and the start run on it. */
    static Optional<Path> imageJdk;
    /** The data directory the training run made, in the development environment. */
    static Path developmentData;

    @BeforeAll
    static void extractThePackagedJarAndTrainIt() throws Exception {
        extracted = Files.createTempDirectory(Path.of("target"), "extracted-").toAbsolutePath();
        ChildJvm.Run extract = ChildJvm.ofThePackagedJar()
                .option("-Djarmode=tools")
                .arguments("extract", "--destination", extracted.toString())
                .run(EXTRACTED_WITHIN);
        assertThat(extract.exitCode()).as(extract.output()).isZero();

        // The training run: the context refreshes (every bean made), Spring halts, the JVM writes what it
        // loaded. JDK 25 (the image's) writes an ahead-of-time cache: classes loaded and linked, and method
        // profiles (JEP 483, 514, 515). Elsewhere a class data archive, with the JDK's own crypto providers:
        // JDK 17 crashes writing lambdas of AWS-LC's signed jar (JDK-8276184), whose classes are never archived.
        imageJdk = ImageJdk.onThisMachine(ImageJdk.featureVersion(Path.of("Dockerfile")));
        developmentData = TestServer.newDataDirectory("training");
        ChildJvm training = ChildJvm.ofJar(extracted.resolve(JAR.getFileName()))
                .option("-Dspring.context.exit=onRefresh")
                .arguments(settings(developmentData, "development"));
        if (imageJdk.isPresent()) {
            training.javaHome(imageJdk.get()).option("-XX:AOTCacheOutput=" + trained());
        } else {
            training.option("-XX:ArchiveClassesAtExit=" + trained()).arguments("--selvedge.crypto.provider=jdk");
        }
        ChildJvm.Run trainingRun = training.run(TRAINED_WITHIN);
        assertThat(trainingRun.exitCode()).as(trainingRun.output()).isZero();
        assertThat(trained()).isNotEmptyFile();
    }

    @AfterAll
    static void deleteTheExtractedJar() throws IOException {
        FileSystemUtils.deleteRecursively(extracted); // 130 MB of libraries
    }

    @Test
    void productionOnDevelopmentDataExitsNonZeroNamingBothEnvironments() throws Exception {
        Process production = launch(developmentData, "production");
        String output = readAll(production);

        assertThat(production.waitFor(READY_WITHIN.toSeconds(), TimeUnit.SECONDS))
                .isTrue();
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

    @Test
    void theExtractedJarStartsFromWhatItsTrainingRunMade(TestReporter reporter) throws Exception {
        Path classLoading = extracted.resolve("class-load.log");
        ChildJvm start = ChildJvm.ofJar(extracted.resolve(JAR.getFileName()))
                .option("-Xlog:class+load=info:file=" + classLoading);
        if (imageJdk.isPresent()) {
            start.javaHome(imageJdk.get()).option("-XX:AOTCache=" + trained());
        } else {
            start.option("-XX:SharedArchiveFile=" + trained());
        }
        Duration ready = startUntilReadyThenStop(start, TestServer.newDataDirectory(), "development");
        report(
                reporter,
                imageJdk.isPresent() ? "ahead-of-time cache, the image's JDK" : "class data archive, the test's JDK",
                ready);

        // The application's own classes came from the cache or archive, not from the jar.
        assertThat(Files.readAllLines(classLoading))
                .anySatisfy(line -> assertThat(line)
                        .contains(" io.selvedge.SelvedgeApplication ")
                        .contains("source: shared objects file"));
    }

    /** What the training run writes: the cache (image's JDK) or the archive (the test's). */
    private static Path trained() {
        return extracted.resolve(imageJdk.isPresent() ? "selvedge.aot" : "selvedge.jsa");
    }

    private static void report(TestReporter reporter, String start, Duration ready) {
        System.out.printf("The packaged server (%s) was ready %d ms after launch%n", start, ready.toMillis());
        reporter.publishEntry("ready after launch, " + start + " (ms)", Long.toString(ready.toMillis()));
    }

    private static Duration startUntilReadyThenStop(ChildJvm jvm, Path dataDir, String environment) throws Exception {
        Process server = jvm.arguments(settings(dataDir, environment)).start();
        long started = System.nanoTime();
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> seen = new ArrayList<>();
            String line;
            while ((line = lines.readLine()) != null) {
                seen.add(line);
                if (line.contains("Started SelvedgeApplication")) {
                    return Duration.ofNanos(System.nanoTime() - started);
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
                .arguments(settings(dataDir, environment))
                .start();
    }

    private static String[] settings(Path dataDir, String environment) {
        return new String[] {
            "--selvedge.data-dir=" + dataDir,
            "--selvedge.environment=" + environment,
            "--selvedge.port=0",
            "--selvedge.management.port=0"
        };
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
