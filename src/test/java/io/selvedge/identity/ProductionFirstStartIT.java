package io.selvedge.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.testing.TestCertificate;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A production node's first start: its output is read by machines and travels far, so it is JSON, one
 * object per line, and it says where the setup link is without ever showing the link.
 */
@Tag("store-independent")
@ExtendWith({OutputCaptureExtension.class, TestDatabase.AvailableCondition.class})
class ProductionFirstStartIT {

    @Test
    void theSetupLinkIsWrittenToItsFileButNeverPrinted(CapturedOutput output) throws IOException {
        try (TestServer server = aProductionServer()) {
            Path linkFile = FirstSignInIT.setupLinkFileOf(server);
            String token = FirstSignInIT.setupTokenOf(server);

            assertThat(token).hasSizeGreaterThanOrEqualTo(43);
            assertThat(output).contains(linkFile.toAbsolutePath().toString()).doesNotContain(token);
        }
    }

    @Test
    void everyLineItPrintsIsAJsonLogEvent(CapturedOutput output) {
        try (TestServer ignored = aProductionServer()) {
            List<String> lines =
                    output.getOut().lines().filter(line -> !line.isBlank()).toList();

            assertThat(lines).isNotEmpty().allSatisfy(ProductionFirstStartIT::assertJsonLogEvent);
            assertThat(output.getOut()).contains("Stores ready for the production environment");
        }
    }

    private static void assertJsonLogEvent(String line) {
        JsonNode event = JsonMapper.shared().readTree(line);
        assertThat(event.isObject()).as("a JSON object: %s", line).isTrue();
        assertThat(event.has("@timestamp") && event.has("message") && event.has("log"))
                .as("an ECS log event: %s", line)
                .isTrue();
    }

    private static TestServer aProductionServer() {
        Path directory;
        try {
            directory = Files.createTempDirectory(Files.createDirectories(Path.of("target", "it-data")), "tls-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        TestCertificate certificate = TestCertificate.forLocalhostUnder(directory);
        return TestServer.with()
                .property("selvedge.environment", "production")
                .property("selvedge.tls.certificate", certificate.certificate())
                .property("selvedge.tls.private-key", certificate.privateKey())
                .start();
    }
}
