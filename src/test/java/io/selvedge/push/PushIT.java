package io.selvedge.push;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.content.ContentClient;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestHttps;
import io.selvedge.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code push} as a designer runs it against a real server over HTTPS: files become versions byte for
 * byte, an upload resumes from its offset after the server was stopped mid-file and started again, the
 * watched folder pushes a finished export once, and refusals say why without printing the token.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class PushIT {

    private static final int MIB = 1024 * 1024;
    private static final Pattern PUSHED = Pattern.compile("pushed as version ([0-9a-f-]{36})");

    @Autowired
    TestServer server;

    @TempDir
    Path folder;

    @Test
    void twoFilesBecomeTwoVersionsOfTheStyleByteForByte() throws Exception {
        ContentClient designer = ContentClient.aCustomerWithAStyle(server, "eu");
        Path coat = write("coat.glb", 2 * MIB + 77, 1);
        Path trims = write("coat trims.obj", 5000, 2);
        Output output = new Output();

        int exit = Push.run(
                arguments(server, designer.style, "--chunk-size", "1", coat.toString(), trims.toString()),
                Map.of(Push.TOKEN_VARIABLE, designer.token()),
                output.stream,
                false);

        assertThat(exit).as(output.text()).isZero();
        List<String> versions = output.versions();
        assertThat(versions).hasSize(2);
        assertThat(download(designer, versions.get(0))).isEqualTo(Files.readAllBytes(coat));
        assertThat(download(designer, versions.get(1))).isEqualTo(Files.readAllBytes(trims));
        assertThat(output.text()).contains("2 of 2 files pushed.").doesNotContain(designer.token());
    }

    @Test
    void anUploadCutByAServerRestartFinishesFromItsOffset() throws Exception {
        long size = 3L * MIB + 4321;
        Path coat = write("coat.glb", size, 3);
        TestServer first = TestServer.start();
        AtomicReference<TestServer> second = new AtomicReference<>();
        AtomicReference<Thread> restarting = new AtomicReference<>();
        AtomicLong handedAfterRestart = new AtomicLong(-1);
        try {
            ContentClient designer = ContentClient.aCustomerWithAStyle(first, "eu");
            int port = first.port();
            Push.Listener stopAfterTheFirstChunk = new Push.Listener() {
                @Override
                public void chunkStored(Path file, long offset, long length) {
                    if (handedAfterRestart.get() < 0) {
                        handedAfterRestart.set(0);
                        first.close();
                        Thread restart = new Thread(() -> second.set(TestServer.Settings.sameInstallationAs(first)
                                .property("selvedge.port", port)
                                .start()));
                        restarting.set(restart);
                        restart.start();
                    }
                }

                @Override
                public void handed(long bytes) {
                    if (handedAfterRestart.get() >= 0) {
                        handedAfterRestart.addAndGet(bytes);
                    }
                }
            };
            Output output = new Output();

            int exit = Push.run(
                    List.of(
                            "--server",
                            "https://localhost:" + port,
                            "--style",
                            designer.style,
                            "--ca",
                            TestHttps.developmentCertificate(first.dataDir()).toString(),
                            "--chunk-size",
                            "1",
                            "--retries",
                            "200",
                            coat.toString()),
                    Map.of(Push.TOKEN_VARIABLE, designer.token()),
                    output.stream,
                    false,
                    stopAfterTheFirstChunk,
                    Duration.ofMillis(400));

            // The restarted server takes connections before its start() returns: wait for it to be handed over.
            restarting.get().join(120_000);
            assertThat(exit).as(output.text()).isZero();
            assertThat(output.text()).contains("coat.glb: resuming at 1.0 MiB");
            assertThat(handedAfterRestart.get()).isEqualTo(size - MIB);
            assertThat(download(
                            designer.against(second.get()), output.versions().get(0)))
                    .isEqualTo(Files.readAllBytes(coat));
        } finally {
            first.close();
            if (restarting.get() != null) {
                restarting.get().join(120_000);
            }
            if (second.get() != null) {
                second.get().close();
            }
        }
    }

    @Test
    void theWatchedFolderPushesAFinishedExportOnce() throws Exception {
        ContentClient designer = ContentClient.aCustomerWithAStyle(server, "eu");
        Path exports = Files.createDirectory(folder.resolve("exports"));
        Files.write(exports.resolve("already-there.glb"), new byte[] {1, 2, 3});
        Output output = new Output();
        AtomicReference<Integer> exit = new AtomicReference<>();
        Thread watching = new Thread(() -> exit.set(Push.run(
                arguments(server, designer.style, "--settle-seconds", "1", "--watch", exports.toString()),
                Map.of(Push.TOKEN_VARIABLE, designer.token()),
                output.stream,
                false)));
        watching.start();
        try {
            output.awaitText("Watching");
            Path export = write("exports/dress.glb", 300_000, 4);
            output.awaitText("pushed as version");
            Files.write(folder.resolve("exports/.dress.glb.tmp"), new byte[] {9});
            Thread.sleep(1500); // a settling time and more: nothing else is pushed
            assertThat(output.versions()).hasSize(1);
            assertThat(output.text()).doesNotContain("already-there");
            assertThat(download(designer, output.versions().get(0))).isEqualTo(Files.readAllBytes(export));
        } finally {
            watching.interrupt();
            watching.join(10_000);
        }
        assertThat(exit.get()).isZero();
    }

    @Test
    void refusalsSayWhyAndExitWithOneOrTwo() throws Exception {
        ContentClient designer = ContentClient.aCustomerWithAStyle(server, "eu");
        Path coat = write("coat.glb", 1000, 5);

        Output noToken = new Output();
        assertThat(Push.run(arguments(server, designer.style, coat.toString()), Map.of(), noToken.stream, false))
                .isEqualTo(1);
        assertThat(noToken.text()).contains("No API token: set SELVEDGE_TOKEN");

        Output unknownStyle = new Output();
        String nowhere = UUID.randomUUID().toString();
        assertThat(Push.run(
                        arguments(server, nowhere, coat.toString()),
                        Map.of(Push.TOKEN_VARIABLE, designer.token()),
                        unknownStyle.stream,
                        false))
                .isEqualTo(1);
        assertThat(unknownStyle.text())
                .contains("coat.glb: not pushed: the server knows no style " + nowhere)
                .doesNotContain(designer.token());

        Output wrongToken = new Output();
        assertThat(Push.run(
                        arguments(server, designer.style, coat.toString()),
                        Map.of(Push.TOKEN_VARIABLE, "slvdg_not-a-real-token"),
                        wrongToken.stream,
                        false))
                .isEqualTo(1);
        assertThat(wrongToken.text()).contains("refused the token").doesNotContain("slvdg_not-a-real-token");

        Output usage = new Output();
        assertThat(Push.run(
                        List.of("--server", "http://localhost", "--style", designer.style, coat.toString()),
                        Map.of(Push.TOKEN_VARIABLE, designer.token()),
                        usage.stream,
                        false))
                .isEqualTo(2);
        assertThat(usage.text()).contains("--server must be an https:// URL");
    }

    private List<String> arguments(TestServer target, String style, String... more) {
        List<String> words = new ArrayList<>(List.of(
                "--server",
                "https://localhost:" + target.port(),
                "--style",
                style,
                "--ca",
                TestHttps.developmentCertificate(target.dataDir()).toString()));
        words.addAll(List.of(more));
        return words;
    }

    private Path write(String name, long size, long seed) throws Exception {
        byte[] bytes = new byte[(int) size];
        new Random(seed).nextBytes(bytes);
        Path file = folder.resolve(name);
        Path partial = folder.resolve(name + ".part");
        Files.write(partial, bytes);
        return Files.move(partial, file);
    }

    private static byte[] download(ContentClient client, String version) throws Exception {
        HttpResponse<InputStream> response = client.stream(
                client.request("/api/v1/versions/" + version + "/content").GET().build());
        assertThat(response.statusCode()).isEqualTo(200);
        try (InputStream body = response.body()) {
            return body.readAllBytes();
        }
    }

    /** What the command printed, readable while it runs. */
    private static final class Output {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }

        List<String> versions() {
            List<String> versions = new ArrayList<>();
            Matcher matcher = PUSHED.matcher(text());
            while (matcher.find()) {
                versions.add(matcher.group(1));
            }
            return versions;
        }

        void awaitText(String text) throws InterruptedException {
            for (int i = 0; i < 600 && !text().contains(text); i++) {
                Thread.sleep(100);
            }
            assertThat(text()).contains(text);
        }
    }
}
