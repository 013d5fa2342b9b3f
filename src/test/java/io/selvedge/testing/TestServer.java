package io.selvedge.testing;

import io.selvedge.SelvedgeApplication;
import io.selvedge.storage.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.context.WebApplicationContext;

/**
 * A running Selvedge server. The one every {@link SelvedgeIntegrationTest} shares is
 * {@code @Autowired TestServer server}. A server of its own is for a test that needs settings the shared
 * one lacks: bootstrap settings, another environment, a movable clock, more logging, a data directory an
 * earlier start made. {@link #with()} is a fresh test installation (on PostgreSQL with new databases);
 * {@link #startAsAnOperator} is a node with only what an operator sets on the command line. HTTPS
 * and management on random ports, closed by the test. A server in a JVM of its own is a
 * {@link ChildJvm}.
 */
public final class TestServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Path dataDir;
    private final Properties systemPropertiesBefore;
    private final Map<String, Object> settings;

    private TestServer(
            ConfigurableApplicationContext context,
            Path dataDir,
            Properties systemPropertiesBefore,
            Map<String, Object> settings) {
        this.context = context;
        this.dataDir = dataDir;
        this.systemPropertiesBefore = systemPropertiesBefore;
        this.settings = settings;
    }

    /** The shared server of a test context; it closes with the context, never by a test. */
    static TestServer shared(ConfigurableApplicationContext context) {
        return new TestServer(context, null, null, Map.of());
    }

    /** A new installation in the {@code test} environment. */
    public static TestServer start() {
        return with().start();
    }

    /** A new test installation, to be given settings before it starts. */
    public static Settings with() {
        Map<String, Object> properties = testInstallation();
        properties.put("selvedge.port", 0);
        properties.put("selvedge.management.port", 0);
        properties.put("selvedge.storage.pool-size", 2);
        return new Settings(properties);
    }

    /**
     * A node of {@code environment} on {@code dataDir} with only what an operator sets on the command line
     * (its stores the H2 files in the data directory unless a setting names others); throws what the
     * start threw.
     */
    public static TestServer startAsAnOperator(String environment, Path dataDir, Map<String, ?> settings) {
        return asAnOperatorStartsIt(environment, dataDir).properties(settings).start();
    }

    private static Settings asAnOperatorStartsIt(String environment, Path dataDir) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("selvedge.environment", environment);
        properties.put("selvedge.data-dir", dataDir.toString());
        properties.put("selvedge.port", 0);
        properties.put("selvedge.management.port", 0);
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "1s");
        return new Settings(properties);
    }

    /** A new, empty data directory under {@code target/it-data}. */
    public static Path newDataDirectory() {
        return newDataDirectory("server");
    }

    /** A new, empty data directory under {@code target/it-data}, named after what it is for. */
    public static Path newDataDirectory(String prefix) {
        try {
            Path target = Path.of("target", "it-data");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, prefix + "-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What every test server has, the shared one included: the test environment and its regions, and no
     * wait for connected clients at shutdown.
     */
    static Map<String, Object> testInstallation() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("selvedge.environment", "test");
        properties.put("selvedge.storage.regions", String.join(",", TestInstallationCustomizerFactory.REGIONS));
        // Tests end with clients still connected; do not wait the production 30 s for them.
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", "1s");
        // Tests create groups as customers, as the shared test installation lets them (its default is
        // platform admins only); a test of that default sets it back.
        properties.put("selvedge.accounts.group-creation", "self-service");
        // Refusals (429) are sent at once: tests that meet many would wait a second for each. The tarpit tests
        // set it back.
        properties.put("selvedge.protection.blocks.refusal-tarpit", "0s");
        return properties;
    }

    /**
     * Staging and production refuse to start without a master key of the operator's (the development one
     * is generated, and refused there): this gives them one, as an operator would.
     */
    static Map<String, String> operatorMasterKey(String environment) {
        if (environment.equals("production") || environment.equals("staging")) {
            return Map.of("selvedge.crypto.master-key-passphrase", "correct horse battery staple for tests only");
        }
        return Map.of();
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public int managementPort() {
        return context.getEnvironment().getRequiredProperty("local.management.port", Integer.class);
    }

    public URI url(String pathAndQuery) {
        return URI.create("https://localhost:" + port() + pathAndQuery);
    }

    public Path dataDir() {
        return dataDir != null ? dataDir : Path.of(context.getEnvironment().getRequiredProperty("selvedge.data-dir"));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** The bean of that name, where several have the type. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    /**
     * An account of this server's that signs in with the password: a customer, or staff with the role if
     * one is given (who enrols in MFA before acting). Written as registration would, with the server's
     * own password encoder.
     */
    public UUID signingIn(UUID id, String username, String password, String staffRole) {
        Customers.signingIn(
                new JdbcTemplate(bean(Stores.class).global().dataSource()),
                id,
                username,
                bean(PasswordEncoder.class).encode(password),
                staffRole);
        return id;
    }

    /** This server's API through MockMvc (the whole filter chain, no network), as its own accounts call it. */
    public ApiCalls api() {
        return new ApiCalls((WebApplicationContext) context, bean(Stores.class));
    }

    /** Publishes an event in this server's application, as a module would. */
    public void publish(Object event) {
        context.publishEvent(event);
    }

    /** A client with cookies and no redirects that trusts the generated development certificate. */
    public HttpClient client() {
        return TestHttps.client(dataDir());
    }

    @Override
    public void close() {
        if (systemPropertiesBefore == null) {
            return; // the shared server
        }
        context.close();
        // Spring Boot's logging leaves its settings (JSON console and so on) as system properties.
        System.setProperties(systemPropertiesBefore);
    }

    /** What a test sets before starting its server. */
    public static final class Settings {

        private final Map<String, Object> properties;
        private Clock clock;
        private final Map<String, Object> beans = new LinkedHashMap<>();

        private Settings(Map<String, Object> properties) {
            this.properties = new LinkedHashMap<>(properties);
        }

        public Settings property(String name, Object value) {
            properties.put(name, value);
            return this;
        }

        public Settings properties(Map<String, ?> more) {
            properties.putAll(more);
            return this;
        }

        /** Replaces the application's clock, so that the test can move time. */
        public Settings clock(Clock testClock) {
            this.clock = testClock;
            return this;
        }

        /** Adds a bean to the application, e.g. a test's implementation of a module's SPI. */
        public Settings bean(String name, Object singleton) {
            beans.put(name, singleton);
            return this;
        }

        /** The same installation again (data directory and databases), as after a restart. */
        public static Settings sameInstallationAs(TestServer earlier) {
            return new Settings(earlier.settings);
        }

        public TestServer start() {
            if (!properties.containsKey("selvedge.data-dir")) {
                properties.put("selvedge.data-dir", newDataDirectory().toString());
                properties.putAll(TestDatabase.storeProperties(TestInstallationCustomizerFactory.REGIONS));
            }
            Path dataDir = Path.of(String.valueOf(properties.get("selvedge.data-dir")));
            operatorMasterKey(String.valueOf(properties.get("selvedge.environment")))
                    .forEach(properties::putIfAbsent);
            SpringApplication application = new SpringApplication(SelvedgeApplication.class);
            if (clock != null) {
                Clock replacement = clock;
                application.addInitializers(
                        context -> context.getBeanFactory().registerSingleton("clock", replacement));
            }
            beans.forEach((name, singleton) -> application.addInitializers(
                    context -> context.getBeanFactory().registerSingleton(name, singleton)));
            String[] arguments = properties.entrySet().stream()
                    .map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
                    .toArray(String[]::new);
            Properties systemProperties = new Properties();
            systemProperties.putAll(System.getProperties());
            try {
                return new TestServer(application.run(arguments), dataDir, systemProperties, Map.copyOf(properties));
            } catch (RuntimeException failedStart) {
                System.setProperties(systemProperties);
                throw failedStart;
            }
        }
    }
}
