package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
 * The packaged server as an operator runs it: {@code java -jar target/selvedge.jar}. It starts on a new
 * data directory, and a production node started on that development data exits non-zero, naming both
 * environments. Extracted beside its libraries and trained once, it starts from an ahead-of-time cache on the
 * image's JDK, as the image does (Dockerfile), and from a class data archive on the test's JDK (README, "Faster
 * start"). Every start reports its time to ready (printed and in the failsafe report);
 * the time is measured here, not asserted: under CI's load it says more about the machine than the code.
 */
@Tag("store-independent")
class ProcessExitIT {

    private static final Path JAR = ChildJvm.PACKAGED_JAR;
    // Guards against a hang, not a speed check: a start on a machine shared with other builds took 213 s.
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);
    private static final Duration EXTRACTED_WITHIN = Duration.ofSeconds(60);
    private static final Duration TRAINED_WITHIN = Duration.ofMinutes(10);

    /** The packaged jar extracted beside its libraries, as the image holds it: one for both trained starts. */
    static Path extracted;

    @BeforeAll
    static void extractThePackagedJar() throws Exception {
        extracted = Files.createTempDirectory(Path.of("target"), "extracted-").toAbsolutePath();
        ChildJvm.Run extract = ChildJvm.ofThePackagedJar()
                .option("-Djarmode=tools")
                .arguments("extract", "--destination", extracted.toString())
                .run(EXTRACTED_WITHIN);
        assertThat(extract.exitCode()).as(extract.output()).isZero();
    }

    @AfterAll
    static void deleteTheExtractedJar() throws IOException {
        FileSystemUtils.deleteRecursively(extracted); // 130 MB of libraries
    }

    @Test
    void productionOnDevelopmentDataExitsNonZeroNamingBothEnvironments(TestReporter reporter) throws Exception {
        Path dataDir = TestServer.newDataDirectory();
        Duration ready = startUntilReadyThenStop(ChildJvm.ofThePackagedJar(), dataDir, "development");
        report(reporter, "plain jar", ready);

        Process production = launch(dataDir, "production");
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
    void theExtractedJarTrainedOnceStartsFromItsClassDataArchive(TestReporter reporter) throws Exception {
        Path jar = extracted.resolve(JAR.getFileName());
        Path archive = extracted.resolve("selvedge.jsa");

        // The training run, as README "Faster start" gives it for JDK 17 to 24: the context refreshes (every bean
        // made), Spring halts, the JVM writes the archive. With the JDK's providers: JDK 17 crashes writing
        // lambdas of AWS-LC's signed jar (JDK-8276184), whose classes are never archived anyway.
        ChildJvm.Run training = ChildJvm.ofJar(jar)
                .option("-XX:ArchiveClassesAtExit=" + archive)
                .option("-Dspring.context.exit=onRefresh")
                .arguments(settings(TestServer.newDataDirectory("cds-training"), "development"))
                .arguments("--selvedge.crypto.provider=jdk")
                .run(TRAINED_WITHIN);
        assertThat(training.exitCode()).as(training.output()).isZero();
        assertThat(archive).isNotEmptyFile();

        Path classLoading = extracted.resolve("class-load.log");
        Duration ready = startUntilReadyThenStop(
                ChildJvm.ofJar(jar)
                        .option("-XX:SharedArchiveFile=" + archive)
                        .option("-Xlog:class+load=info:file=" + classLoading),
                TestServer.newDataDirectory(),
                "development");
        report(reporter, "class data archive", ready);

        // The application's own classes came from the archive's top layer, not from the jar.
        assertThat(Files.readAllLines(classLoading))
                .anySatisfy(line -> assertThat(line)
                        .contains(" io.selvedge.SelvedgeApplication ")
                        .contains("shared objects file (top)"));
    }

    @Test
    void onTheImagesJdkTheExtractedJarTrainedOnceStartsFromItsAheadOfTimeCache(TestReporter reporter) throws Exception {
        int feature = ImageJdk.featureVersion(Path.of("Dockerfile"));
        Optional<Path> jdk = ImageJdk.onThisMachine(feature);
        assumeTrue(jdk.isPresent(), "no JDK " + feature + " (the image's) on this machine");
        Path jar = extracted.resolve(JAR.getFileName());
        Path cache = extracted.resolve("selvedge.aot");

        // The training run, as the Dockerfile makes it: every bean made, Spring halts, the JVM writes the
        // classes it loaded and linked, and the methods' profiles, to the cache (JEP 483, 514, 515).
        ChildJvm.Run training = ChildJvm.ofJar(jar)
                .javaHome(jdk.get())
                .option("-XX:AOTCacheOutput=" + cache)
                .option("-Dspring.context.exit=onRefresh")
                .arguments(settings(TestServer.newDataDirectory("aot-training"), "development"))
                .run(TRAINED_WITHIN);
        assertThat(training.exitCode()).as(training.output()).isZero();
        assertThat(cache).isNotEmptyFile();

        Path classLoading = extracted.resolve("aot-class-load.log");
        Duration ready = startUntilReadyThenStop(
                ChildJvm.ofJar(jar)
                        .javaHome(jdk.get())
                        .option("-XX:AOTCache=" + cache)
                        .option("-Xlog:class+load=info:file=" + classLoading),
                TestServer.newDataDirectory(),
                "development");
        report(reporter, "ahead-of-time cache, JDK " + feature, ready);

        assertThat(Files.readAllLines(classLoading))
                .anySatisfy(line -> assertThat(line)
                        .contains(" io.selvedge.SelvedgeApplication ")
                        .contains("source: shared objects file"));
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
