package io.selvedge.testing;

import io.selvedge.SelvedgeApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Servers that a test starts itself, for settings the shared test server cannot have (another
 * environment, a data directory made by an earlier start). Each gets random ports.
 */
public final class TestServers {

    private TestServers() {}

    /** A new empty data directory under target/. */
    public static Path newDataDirectory() {
        try {
            Path target = Path.of("target", "it-data");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "server-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Staging and production refuse to start without a master key of the operator's (the development one
     * is generated, and refused there): this gives them one, as an operator would.
     */
    public static Map<String, String> operatorMasterKey(String environment) {
        if (environment.equals("production") || environment.equals("staging")) {
            return Map.of("selvedge.crypto.master-key-passphrase", "correct horse battery staple for tests only");
        }
        return Map.of();
    }

    /** Settings for a server of its own on random ports, over the given data directory. */
    public static Map<String, Object> settings(Path dataDir, String environment) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("selvedge.data-dir", dataDir.toString());
        settings.put("selvedge.environment", environment);
        settings.put("selvedge.port", "0");
        settings.put("selvedge.management.port", "0");
        settings.put("spring.lifecycle.timeout-per-shutdown-phase", "1s");
        return settings;
    }

    /** Starts the application with the given settings; the caller closes it. */
    public static ConfigurableApplicationContext start(Map<String, Object> settings) {
        List<String> arguments = new ArrayList<>();
        settings.forEach((key, value) -> arguments.add("--" + key + "=" + value));
        return SpringApplication.run(SelvedgeApplication.class, arguments.toArray(String[]::new));
    }
}
