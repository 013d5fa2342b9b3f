package io.selvedge.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.ChildJvm;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A version larger than the whole heap of the server that stores it (issue 6): a server process started
 * with {@code -Xmx256m} takes a 2 GiB body generated on the fly (no file) through the HTTPS API, then
 * serves it back through the same API, and the generator's, the server's and the download's SHA-256s
 * agree. Anything that buffered the body whole (a multipart temp buffer, a byte array) would die of an
 * OutOfMemoryError. {@code -Dselvedge.test.large-upload-bytes} changes the size: the pom runs 2 GiB, in the H2
 * run only (the database holds only the version's row, which every upload test writes on PostgreSQL too);
 * the 5 GiB run is {@code bench/run-content.sh 5g}.
 */
@SelvedgeIntegrationTest
@Tag("store-independent")
class BoundedMemoryUploadIT {

    private static final Pattern HEAP_AND_SIZE = Pattern.compile("size (\\d+) bytes, heap max (\\d+) MiB");

    @Test
    void aBodyLargerThanTheHeapStreamsInAndOut() throws Exception {
        long size = Long.getLong("selvedge.test.large-upload-bytes", 2L << 30);
        Path output = Files.createTempFile(Path.of("target"), "large-upload-", ".txt");
        ChildJvm probe =
                ChildJvm.ofMain(LargeUploadProbe.class).option("-Xmx256m").option("-XX:+ExitOnOutOfMemoryError");
        String database = System.getProperty("selvedge.test.database");
        if (database != null) {
            probe.option("-Dselvedge.test.database=" + database);
        }
        Process process = probe.arguments(Long.toString(size)).start(output);
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The probe did not end within 15 minutes:\n" + tail(output));
        }
        String report = tail(output);
        // The throughputs and the peak heap, for the build log.
        System.out.println(report.lines()
                .filter(line -> line.startsWith("size ") || line.startsWith("upload"))
                .reduce("", (all, line) -> all + line + "\n"));
        assertThat(process.exitValue()).as(report).isZero();
        assertThat(report).contains("SHA-256 MATCH").contains("over https://");
        Matcher measured = HEAP_AND_SIZE.matcher(report);
        assertThat(measured.find()).as(report).isTrue();
        assertThat(Long.parseLong(measured.group(1)))
                .as("bytes sent and received")
                .isEqualTo(size);
        assertThat(Long.parseLong(measured.group(2)))
                .as("the child's heap max, MiB")
                .isPositive()
                .isLessThanOrEqualTo(256);
    }

    private static String tail(Path output) throws Exception {
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
