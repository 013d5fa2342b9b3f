package io.selvedge.testing;

import io.selvedge.SelvedgeApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A server of its own for a test that needs settings the shared one lacks (bootstrap settings,
 * production, a movable clock, more logging): a fresh installation, HTTPS on a random port, closed
 * by the test. On PostgreSQL each server gets new databases.
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

    /** A new installation in the {@code test} environment. */
    public static TestServer start() {
        return with().start();
    }

    public static Settings with() {
        return new Settings();
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public URI url(String pathAndQuery) {
        return URI.create("https://localhost:" + port() + pathAndQuery);
    }

    public Path dataDir() {
        return dataDir;
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A client with cookies and no redirects that trusts the generated development certificate. */
    /** Publishes an event in this server's application, as a module would. */
    public void publish(Object event) {
        context.publishEvent(event);
    }

    public HttpClient client() {
        return TestHttps.client(dataDir);
    }

    @Override
    public void close() {
        context.close();
        // Spring Boot's logging leaves its settings (JSON console and so on) as system properties.
        System.setProperties(systemPropertiesBefore);
    }

    /** What a test sets before starting its server. */
    public static final class Settings {

        private final Map<String, Object> properties = new LinkedHashMap<>();
        private Clock clock;
        private final Map<String, Object> beans = new LinkedHashMap<>();

        private Settings() {
            properties.put("selvedge.environment", "test");
            properties.put("selvedge.port", 0);
            properties.put("selvedge.management.port", 0);
            properties.put("selvedge.storage.regions", String.join(",", TestInstallationCustomizerFactory.REGIONS));
            properties.put("selvedge.storage.pool-size", 2);
            properties.put("spring.lifecycle.timeout-per-shutdown-phase", "1s");
            // Tests create groups as customers, as the shared test installation lets them (its default is
            // platform admins only); a test of that default sets it back.
            properties.put("selvedge.accounts.group-creation", "self-service");
        }

        public Settings property(String name, Object value) {
            properties.put(name, value);
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
            Settings settings = new Settings();
            settings.properties.putAll(earlier.settings);
            return settings;
        }

        public TestServer start() {
            if (!properties.containsKey("selvedge.data-dir")) {
                properties.put(
                        "selvedge.data-dir", TestServers.newDataDirectory().toString());
                properties.putAll(TestDatabase.storeProperties(TestInstallationCustomizerFactory.REGIONS));
            }
            Path dataDir = Path.of(String.valueOf(properties.get("selvedge.data-dir")));
            TestServers.operatorMasterKey(String.valueOf(properties.get("selvedge.environment")))
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
