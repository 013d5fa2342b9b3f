package io.selvedge.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.selvedge.testing.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Prometheus rules and the Grafana dashboard in deploy/ are valid: {@code promtool check rules} (Debian's
 * {@code prometheus} package) accepts the rules; skipped where promtool is missing, mandatory in CI; every
 * runbook a rule names exists.
 */
class PrometheusRulesTest {

    private static final Path RULES = Path.of("deploy/prometheus/selvedge-rules.yml");
    private static final Path DASHBOARD = Path.of("deploy/grafana/selvedge.json");

    @Test
    void promtoolAcceptsTheAlertingRules() throws Exception {
        boolean installed = onPath("promtool");
        if (TestDatabase.isMandatory()) {
            assertThat(installed)
                    .as("promtool (Debian's prometheus package) is installed by .ci/run")
                    .isTrue();
        }
        assumeTrue(installed, "promtool is not installed (apt-get install prometheus): rules not checked");

        Process check = new ProcessBuilder("promtool", "check", "rules", RULES.toString())
                .redirectErrorStream(true)
                .start();
        assertThat(check.waitFor(30, TimeUnit.SECONDS)).isTrue();
        String output = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void everyRuleLinksARunbookThatExists() throws Exception {
        Matcher runbooks = Pattern.compile("runbook: (\\S+)").matcher(Files.readString(RULES));
        int count = 0;
        while (runbooks.find()) {
            assertThat(Path.of(runbooks.group(1))).exists();
            count++;
        }
        assertThat(count).isGreaterThan(10);
    }

    @Test
    void theDashboardIsJsonWithItsPanelsOnPrometheus() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(DASHBOARD.toFile());

        assertThat(dashboard.path("uid").asText()).isEqualTo("selvedge");
        assertThat(dashboard.path("panels"))
                .isNotEmpty()
                .allSatisfy(panel -> assertThat(
                                panel.path("targets").get(0).path("expr").asText())
                        .isNotBlank());
    }

    private static boolean onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
