package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.selvedge.crypto.GroupKeys;
import io.selvedge.storage.GroupResidency;
import io.selvedge.storage.ResidencyReport;
import io.selvedge.storage.ResidencyReport.Finding;
import io.selvedge.storage.ResidencyReport.Kind;
import io.selvedge.storage.ResidencyReports;
import io.selvedge.storage.StoreId;
import io.selvedge.storage.Stores;
import io.selvedge.testing.SelvedgeIntegrationTest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The residency report names where a group's keys are, and finds a copy of them in any other store. */
@SelvedgeIntegrationTest
class KeyResidencyIT {

    @Autowired
    ResidencyReports reports;

    @Autowired
    GroupResidency residency;

    @Autowired
    GroupKeys groupKeys;

    @Autowired
    Stores stores;

    @Autowired
    KeyEncryptionKeys keks;

    @Test
    void aGroupsKeysAreReportedInItsRegionByNameNeverByMaterial() {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");

        ResidencyReport report = reports.of(group);

        assertThat(report.clean()).isTrue();
        assertThat(report.unreported()).isEmpty();
        List<ResidencyReport.Holding> keys = report.holdings().stream()
                .filter(holding -> holding.kind() == Kind.KEY)
                .toList();
        assertThat(keys).extracting(ResidencyReport.Holding::region).containsOnly("eu");
        assertThat(keys.get(0).location()).contains("table crypto_keyset");
        assertThat(keys.get(0).detail())
                .startsWith("3 wrapped keyset(s) [fields, files, index] under [kek-")
                .endsWith("(active)");
        assertThat(keys.get(1).location()).startsWith("local KMS: the local key store");
        assertThat(keys.get(1).detail()).contains("group-" + group).contains("current key-encrypting key");
        String printed = report.toString();
        for (byte[] wrapped : wrappedKeysetsOf(stores.region("eu").dataSource(), group)) {
            assertThat(printed)
                    .doesNotContain(Base64.getEncoder().encodeToString(wrapped))
                    .doesNotContain(HexFormat.of().formatHex(wrapped));
        }
    }

    @Test
    void keysetRowsCopiedIntoAnotherRegionOrTheGlobalStoreAreFound() {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");
        DataSource home = stores.region("eu").dataSource();
        List<DataSource> elsewhere =
                List.of(stores.region("us").dataSource(), stores.global().dataSource());
        try {
            elsewhere.forEach(store -> copyKeyRows(home, store, group)); // a restore into the wrong place

            ResidencyReport report = reports.of(group);

            assertThat(report.clean()).isFalse();
            assertThat(report.elsewhere())
                    .extracting(Finding::region, Finding::kind, Finding::place, Finding::count)
                    .containsExactlyInAnyOrder(
                            tuple("global", Kind.KEY, "table crypto_key_owner", 1L),
                            tuple("global", Kind.KEY, "table crypto_keyset", 3L),
                            tuple("us", Kind.KEY, "table crypto_key_owner", 1L),
                            tuple("us", Kind.KEY, "table crypto_keyset", 3L));
        } finally {
            elsewhere.forEach(store -> deleteKeyRows(store, group)); // other tests rotate these stores' keys
        }
    }

    @Test
    void theGroupsOwnKeyInAnotherRegionsKmsIsFound() throws Exception {
        UUID group = CryptoFixtures.aGroupWithKeys(residency, groupKeys, "eu");
        StoreId apac = StoreId.region("apac");
        keks.of(apac).create("group-" + group);
        try {
            ResidencyReport report = reports.of(group);

            assertThat(report.elsewhere()).singleElement().satisfies(found -> {
                assertThat(found.region()).isEqualTo("apac");
                assertThat(found.kind()).isEqualTo(Kind.KEY);
                assertThat(found.place()).isEqualTo("key group-" + group);
                assertThat(found.location()).startsWith("the local key store");
            });
        } finally {
            keks.of(apac).destroy("group-" + group);
        }
    }

    private static List<byte[]> wrappedKeysetsOf(DataSource store, UUID group) {
        return new JdbcTemplate(store)
                .queryForList("select wrapped from crypto_keyset where owner_id = ?", byte[].class, group);
    }

    private static void copyKeyRows(DataSource from, DataSource to, UUID group) {
        JdbcTemplate source = new JdbcTemplate(from);
        JdbcTemplate target = new JdbcTemplate(to);
        Map<String, Object> owner =
                source.queryForMap("select state, created_at from crypto_key_owner where owner_id = ?", group);
        target.update(
                "insert into crypto_key_owner (owner_id, state, created_at) values (?, ?, ?)",
                group,
                owner.get("state"),
                owner.get("created_at"));
        for (Map<String, Object> row : source.queryForList(
                "select purpose, kek_name, wrapped, revision, updated_at from crypto_keyset where owner_id = ?",
                group)) {
            target.update(
                    "insert into crypto_keyset (owner_id, purpose, kek_name, wrapped, revision, updated_at) values"
                            + " (?, ?, ?, ?, ?, ?)",
                    group,
                    row.get("purpose"),
                    row.get("kek_name"),
                    row.get("wrapped"),
                    row.get("revision"),
                    row.get("updated_at"));
        }
    }

    private static void deleteKeyRows(DataSource store, UUID group) {
        JdbcTemplate jdbc = new JdbcTemplate(store);
        jdbc.update("delete from crypto_keyset where owner_id = ?", group);
        jdbc.update("delete from crypto_key_owner where owner_id = ?", group);
    }
}
