package io.selvedge.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.selvedge.testing.ChildJvm;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * testssl.sh (Debian's {@code testssl.sh}) against the packaged server, {@code java -jar target/selvedge.jar}
 * on a fresh data directory: no finding above INFO but the ones the self-signed development certificate
 * causes by being what it is, each listed below with its reason. Skipped where testssl.sh is not installed,
 * mandatory in CI ({@code .ci/run} installs it). The whole report is kept in {@code target/testssl/}.
 */
@Tag("store-independent")
class ServerTlsScanIT {

    static final Path TESTSSL = Path.of("/usr/bin/testssl");
    private static final Path JAR = ChildJvm.PACKAGED_JAR;
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);

    /** Findings of the development certificate itself (made at first start for localhost, signed by itself). */
    static final Map<String, String> ACCEPTED = Map.of(
            "cert_chain_of_trust", "self-signed: no public CA signs a certificate for localhost",
            "cert_revocation", "a self-signed certificate has no CA to publish a CRL or answer OCSP",
            "DNS_CAArecord", "localhost has no DNS zone to hold a CAA record");

    private static final Set<String> ABOVE_INFO = Set.of("LOW", "MEDIUM", "HIGH", "CRITICAL");

    @Test
    void testsslFindsNothingAboveInfoButTheDevelopmentCertificatesOwn() throws Exception {
        if (!Files.isExecutable(TESTSSL)) {
            String message = "testssl.sh (" + TESTSSL + ") is not installed: apt-get install testssl.sh";
            if (TestDatabase.isMandatory()) {
                fail(message + "; the TLS scan is mandatory in CI");
            }
            assumeTrue(false, message + ": the TLS scan is skipped here (in CI it is mandatory)");
        }
        assertThat(JAR).as("the packaged jar (mvn package runs before the ITs)").isRegularFile();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path report = Path.of("target", "testssl");
        Files.createDirectories(report);
        Path json = report.resolve("testssl.json");
        Files.deleteIfExists(json);
        Process server = ChildJvm.ofThePackagedJar()
                .arguments(
                        "--selvedge.data-dir=" + TestServer.newDataDirectory(),
                        "--selvedge.environment=development",
                        "--selvedge.port=" + port,
                        "--selvedge.management.port=0")
                .start(report.resolve("server.log"));
        try {
            awaitStarted(report.resolve("server.log"), server);
            Process scan = new ProcessBuilder(
                            TESTSSL.toString(),
                            "--quiet",
                            "--color",
                            "0",
                            "--warnings",
                            "batch",
                            "--ip",
                            "one",
                            "--sneaky",
                            // protocols, cipher categories, forward secrecy, server preferences, certificate,
                            // HTTP headers and the known vulnerabilities: all but the slow per-cipher and
                            // client-simulation runs
                            "-p",
                            "-s",
                            "-f",
                            "-P",
                            "-S",
                            "-h",
                            "-U",
                            "--jsonfile",
                            json.toString(),
                            "localhost:" + port)
                    .redirectErrorStream(true)
                    .redirectOutput(report.resolve("testssl.log").toFile())
                    .start();
            assertThat(scan.waitFor(10, TimeUnit.MINUTES)).as("testssl.sh done").isTrue();
            assertThat(json)
                    .as("testssl.sh's report; its log is in target/testssl")
                    .isRegularFile();
            List<String> findings = new ArrayList<>();
            for (JsonNode finding : JsonMapper.builder().build().readTree(Files.readString(json))) {
                String id = finding.path("id").asString();
                String severity = finding.path("severity").asString();
                if (ABOVE_INFO.contains(severity) && !ACCEPTED.containsKey(id)) {
                    findings.add(
                            severity + " " + id + ": " + finding.path("finding").asString());
                }
                if (severity.equals("FATAL") || id.equals("scanProblem")) {
                    findings.add("the scan failed: " + finding.path("finding").asString());
                }
            }
            assertThat(findings)
                    .as("testssl.sh findings above INFO (report in target/testssl)")
                    .isEmpty();
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }

    private static void awaitStarted(Path log, Process server) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains("Started SelvedgeApplication")) {
                return;
            }
            if (!server.isAlive()) {
                break;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("The packaged server did not start: " + Files.readString(log));
    }
}
