package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A version larger than the whole heap of the server that stores it: a server process started with
 * {@code -Xmx256m} takes a 512 MiB body generated on the fly (no file), then serves it back, and the
 * SHA-256s agree. Anything that buffered the body whole (a multipart temp buffer, a byte array) would
 * die of an OutOfMemoryError. {@code -Dselvedge.test.large-upload-bytes} changes the size (the 5 GiB run
 * is {@code bench/run-content.sh}).
 */
@SelvedgeIntegrationTest
class BoundedMemoryUploadIT {

    @Test
    void aBodyLargerThanTheHeapStreamsInAndOut() throws Exception {
        long size = Long.getLong("selvedge.test.large-upload-bytes", 512L * 1024 * 1024);
        Path output = Files.createTempFile(Path.of("target"), "large-upload-", ".txt");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path")));
        String database = System.getProperty("selvedge.test.database");
        if (database != null) {
            command.add("-Dselvedge.test.database=" + database);
        }
        command.add(LargeUploadProbe.class.getName());
        command.add(Long.toString(size));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The probe did not end within 15 minutes:\n" + tail(output));
        }
        String report = tail(output);
        assertThat(process.exitValue()).as(report).isZero();
        assertThat(report).contains("SHA-256 MATCH").contains("heap max");
    }

    private static String tail(Path output) throws Exception {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
