package io.selvedge.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class RuntimeDefaultsTest {

    @ParameterizedTest
    @ValueSource(strings = {"production", "staging", "PRODUCTION"})
    void machineReadEnvironmentsLogJson(String environmentId) {
        assertThat(defaultsFor(environmentId).getProperty("logging.structured.format.console"))
                .isEqualTo("ecs");
    }

    @ParameterizedTest
    @ValueSource(strings = {"development", "test", "no-such-environment"})
    void peopleReadEnvironmentsLogText(String environmentId) {
        assertThat(defaultsFor(environmentId).getProperty("logging.structured.format.console"))
                .isNull();
    }

    @Test
    void withoutAnEnvironmentTheDevelopmentDefaultsApply() {
        StandardEnvironment environment = new StandardEnvironment();
        new RuntimeDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isNull();
    }

    @Test
    void anOperatorsOwnLogFormatWins() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "operator",
                        Map.of("selvedge.environment", "production", "logging.structured.format.console", "logstash")));
        new RuntimeDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.structured.format.console")).isEqualTo("logstash");
    }

    private static StandardEnvironment defaultsFor(String environmentId) {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("settings", Map.of("selvedge.environment", environmentId)));
        new RuntimeDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
