package io.selvedge.platform.internal;

import io.selvedge.platform.SelvedgeEnvironment;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings that follow from the runtime and the environment rather than from a file: virtual threads
 * where the JDK has them, and structured JSON logs outside development and test (people read those;
 * machines read the others).
 */
class RuntimeDefaults implements EnvironmentPostProcessor, Ordered {

    private static final int FIRST_JDK_WITH_VIRTUAL_THREADS = 21;

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> defaults = new HashMap<>();
        if (Runtime.version().feature() >= FIRST_JDK_WITH_VIRTUAL_THREADS) {
            defaults.put("spring.threads.virtual.enabled", "true");
        }
        String environmentId = environment.getProperty("selvedge.environment", "development");
        if (machinesReadTheLogs(environmentId)) {
            defaults.put("logging.structured.format.console", "ecs");
        }
        environment.getPropertySources().addLast(new MapPropertySource("selvedgeRuntimeDefaults", defaults));
    }

    private static boolean machinesReadTheLogs(String environmentId) {
        try {
            SelvedgeEnvironment selvedgeEnvironment = SelvedgeEnvironment.fromId(environmentId);
            return selvedgeEnvironment == SelvedgeEnvironment.PRODUCTION
                    || selvedgeEnvironment == SelvedgeEnvironment.STAGING;
        } catch (IllegalArgumentException unknown) {
            return false; // binding the properties reports the unknown environment clearly
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
