package io.selvedge.testing;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives each server started by {@link SelvedgeIntegrationTest} an installation of its own: a new
 * data directory and, on PostgreSQL, new databases. Equal for all such tests, so they share a server.
 */
class TestInstallationCustomizerFactory implements ContextCustomizerFactory {

    static final List<String> REGIONS = List.of("us", "eu", "apac");

    @Override
    public ContextCustomizer createContextCustomizer(
            Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        boolean selvedgeTest = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SelvedgeIntegrationTest.class);
        return selvedgeTest ? new TestInstallation() : null;
    }

    private static final class TestInstallation implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = TestServer.testInstallation();
            properties.put("selvedge.data-dir", TestServer.newDataDirectory().toString());
            properties.put("selvedge.storage.pool-size", "4");
            // Tests deliver the outbox themselves, with the SMTP server each one needs.
            properties.put("selvedge.mail.retry.poll-every", "1h");
            // One server for every test, all from 127.0.0.1: the rate-limit tests start servers of their own.
            properties.put("selvedge.protection.rate-limits.enabled", "false");
            properties.putAll(TestDatabase.storeProperties(REGIONS));
            // Domain verification asks the test JVM's own DNS server.
            properties.put("selvedge.accounts.dns-server", TestDns.address());
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("selvedgeTestInstallation", properties));
            if (context instanceof BeanDefinitionRegistry registry) {
                RootBeanDefinition apiCalls = new RootBeanDefinition(ApiCalls.class);
                apiCalls.setLazyInit(true);
                registry.registerBeanDefinition("apiCalls", apiCalls);
            }
            context.getBeanFactory().registerSingleton("testServer", TestServer.shared(context));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestInstallation;
        }

        @Override
        public int hashCode() {
            return TestInstallation.class.hashCode();
        }
    }
}
