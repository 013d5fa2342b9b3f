package io.selvedge.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.StartupRefusedException;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

/** A store made for one environment or installation is never used by another. */
@ExtendWith(TestDatabase.AvailableCondition.class)
class StoreEnvironmentIT {

    private static final List<String> REGIONS = List.of("us", "eu", "apac");

    @Test
    void aNodeRefusesStoresStampedForAnotherEnvironmentAndNamesBoth() {
        Map<String, Object> installation = anInstallation();
        startAndStop(installation, "test");

        assertThatThrownBy(() -> startAndStop(installation, "staging"))
                .satisfies(failure -> assertThat(refusal(failure).getMessage())
                        .contains("belongs to the test environment")
                        .contains("started as staging"));
    }

    @Test
    void theSameEnvironmentStartsAgainOnItsOwnStores() {
        Map<String, Object> installation = anInstallation();
        startAndStop(installation, "test");

        startAndStop(installation, "test");
    }

    @Test
    void aRegionalStoreOfAnotherInstallationIsRefused() {
        Map<String, Object> first = anInstallation();
        Map<String, Object> second = anInstallation();
        startAndStop(first, "test");
        startAndStop(second, "test");
        Map<String, Object> mixed = new java.util.LinkedHashMap<>(second);
        mixed.putAll(regionSettingsOf(first, "eu"));

        assertThatThrownBy(() -> startAndStop(mixed, "test"))
                .satisfies(failure -> assertThat(refusal(failure).getMessage())
                        .contains("region-eu")
                        .contains("installation"));
    }

    @Test
    void productionRefusesStoresThatHoldDemoData() {
        Map<String, Object> installation = anInstallation();
        startAndStop(installation, "test");
        markAsDemoData(installation, "production");

        assertThatThrownBy(() -> startAndStop(installation, "production"))
                .satisfies(failure -> assertThat(refusal(failure).getMessage()).contains("demo data"));
    }

    @Test
    void aMisspelledEnvironmentNeverStarts() {
        assertThatThrownBy(() -> startAndStop(anInstallation(), "prod")).hasStackTraceContaining("prod");
    }

    private static Map<String, Object> anInstallation() {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        settings.put("selvedge.data-dir", TestServer.newDataDirectory().toString());
        settings.putAll(TestDatabase.storeProperties(REGIONS));
        return settings;
    }

    private static Map<String, Object> regionSettingsOf(Map<String, Object> installation, String region) {
        Map<String, Object> settings = new java.util.LinkedHashMap<>();
        String prefix = "selvedge.storage.region." + region + ".";
        installation.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                settings.put(key, value);
            }
        });
        if (settings.isEmpty()) { // embedded H2: point the region at the other installation's file
            Path otherDataDir = Path.of((String) installation.get("selvedge.data-dir"));
            settings.put(
                    prefix + "jdbc-url",
                    "jdbc:h2:file:"
                            + otherDataDir.resolve("regions").resolve(region).resolve("selvedge")
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            settings.put(prefix + "username", "sa");
        }
        return settings;
    }

    private static void markAsDemoData(Map<String, Object> installation, String environment) {
        // Stamp every store as a production store that once received demo data.
        for (StoreId store : storeIds()) {
            JdbcTemplate jdbc = new JdbcTemplate(dataSourceOf(installation, store));
            jdbc.update("update selvedge_store_stamp set demo_data = true, environment = ?", environment);
        }
    }

    private static List<StoreId> storeIds() {
        List<StoreId> ids = new java.util.ArrayList<>();
        ids.add(StoreId.GLOBAL);
        REGIONS.forEach(region -> ids.add(StoreId.region(region)));
        return ids;
    }

    private static javax.sql.DataSource dataSourceOf(Map<String, Object> installation, StoreId store) {
        String key = store.kind() == StoreKind.GLOBAL
                ? "selvedge.storage.global."
                : "selvedge.storage.region." + store.region() + ".";
        Object url = installation.get(key + "jdbc-url");
        if (url == null) {
            Path dataDir = Path.of((String) installation.get("selvedge.data-dir"));
            Path home = store.kind() == StoreKind.GLOBAL
                    ? dataDir.resolve("global")
                    : dataDir.resolve("regions").resolve(store.region());
            url = "jdbc:h2:file:" + home.resolve("selvedge") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
            return new org.springframework.jdbc.datasource.DriverManagerDataSource((String) url, "sa", "");
        }
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(
                (String) url, (String) installation.get(key + "username"), "");
    }

    private static void startAndStop(Map<String, Object> installation, String environment) {
        start(installation, environment).close();
    }

    private static TestServer start(Map<String, Object> installation, String environment) {
        Path dataDir = Path.of((String) installation.get("selvedge.data-dir"));
        return TestServer.startAsAnOperator(environment, dataDir, installation);
    }

    private static StartupRefusedException refusal(Throwable failure) {
        Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
        assertThat(root).isInstanceOf(StartupRefusedException.class);
        return (StartupRefusedException) root;
    }
}
