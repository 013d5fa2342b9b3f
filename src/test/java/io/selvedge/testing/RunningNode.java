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
 * A Selvedge node started in this JVM the way an operator starts one: settings on the command line,
 * its own data directory under {@code target/}, HTTPS and management on free ports. Close it after.
 */
public final class RunningNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;

    private RunningNode(ConfigurableApplicationContext context, Path dataDir) {
        this.context = context;
        this.dataDir = dataDir;
    }

    /** A new, empty data directory under {@code target/it-data}. */
    public static Path newDataDirectory(String prefix) {
        try {
            Path target = Path.of("target", "it-data");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, prefix + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a node of {@code environment} on {@code dataDir}; throws what the start threw. */
    public static RunningNode start(String environment, Path dataDir, Map<String, String> settings) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("selvedge.environment", environment);
        all.put("selvedge.data-dir", dataDir.toString());
        all.put("selvedge.port", "0");
        all.put("selvedge.management.port", "0");
        // Tests end with clients still connected; do not wait the production 30 s for them.
        all.put("spring.lifecycle.timeout-per-shutdown-phase", "1s");
        all.putAll(TestServers.operatorMasterKey(environment));
        all.putAll(settings);
        List<String> arguments = new ArrayList<>();
        all.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        ConfigurableApplicationContext context =
                SpringApplication.run(SelvedgeApplication.class, arguments.toArray(String[]::new));
        return new RunningNode(context, dataDir);
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public int managementPort() {
        return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        context.close();
    }
}
