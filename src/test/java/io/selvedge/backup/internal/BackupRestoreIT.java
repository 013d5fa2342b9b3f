package io.selvedge.backup.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.audit.AuditTrail;
import io.selvedge.content.Style;
import io.selvedge.content.Version;
import io.selvedge.content.VersionContent;
import io.selvedge.content.Versions;
import io.selvedge.storage.BackupManifest;
import io.selvedge.storage.Store;
import io.selvedge.storage.Stores;
import io.selvedge.testing.ContentServices;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestDatabase;
import io.selvedge.testing.TestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The backup and restore rehearsal: a backup taken while the node works holds what was there when its
 * snapshot opened and nothing written during or after it; restored into empty stores it gives the same
 * rows and blob bytes, every audit trail verifies and the content decrypts. (What restore refuses:
 * {@code storage.internal.BackupRefusalsIT}.)
 */
@SelvedgeIntegrationTest
class BackupRestoreIT extends ContentServices {

    static final List<String> REGIONS = List.of("us", "eu", "apac");

    @Autowired
    BackupCommand backup;

    @Autowired
    Stores stores;

    @Autowired
    AuditTrail audit;

    @Value("${selvedge.data-dir}")
    Path dataDir;

    final UUID actor = UUID.randomUUID();

    @Test
    void aBackupTakenWhileWorkingRestoresIntoEmptyStoresWithEveryTrailIntactAndItsContentReadable() throws Exception {
        Style parka = aStyle(actor);
        byte[] model = new byte[300_000];
        new Random(20).nextBytes(model);
        Version version =
                versions.upload(parka.id(), "parka.glb", null, model.length, new ByteArrayInputStream(model), actor);
        Path folder = TestServer.newDataDirectory("backup").resolve("backup");
        // A table someone made by hand is not Selvedge's: left out and named, so that the backup still restores.
        JdbcClient.create(stores.region("eu").dataSource())
                .sql("create table if not exists made_by_hand (id int)")
                .update();

        AtomicReference<Style> during = new AtomicReference<>();
        BackupManifest manifest = backup.backup(
                folder,
                null,
                () -> during.set(styles.create(parka.workroomId(), "Written during the backup", "", List.of(), actor)));
        JdbcClient.create(stores.region("eu").dataSource())
                .sql("drop table made_by_hand")
                .update();
        Style after = styles.create(parka.workroomId(), "Written after the backup", "", List.of(), actor);
        Set<UUID> notInBackup = Set.of(during.get().id(), after.id());
        Store eu = stores.region("eu");
        Map<String, List<Map<String, String>>> expected = new LinkedHashMap<>();
        for (String table : List.of("content_style", "content_version", "tenancy_node", "crypto_keyset")) {
            expected.put(table, rows(eu, table, notInBackup));
        }
        assertThat(manifest.environment()).isEqualTo("test");
        assertThat(manifest.installationId()).isEqualTo(stores.installationId());
        assertThat(manifest.files()).containsKey("files/keys/region-eu.kek");
        assertThat(manifest.files().keySet()).noneMatch(path -> path.contains("master"));
        assertThat(manifest.notes())
                .hasEntrySatisfying(
                        "tables left out (not made by Selvedge)",
                        tables -> assertThat(tables).contains("made_by_hand"));
        assertThat(manifest.files().keySet()).noneMatch(path -> path.contains("made_by_hand"));

        Path target = aDataDirectoryWithTheMasterKeyOf(dataDir);
        try (TestServer restored = restoring(folder, target, "test")) {
            Store restoredEu = restored.bean(Stores.class).region("eu");
            assertThat(restored.bean(Stores.class).installationId()).isEqualTo(stores.installationId());
            for (Map.Entry<String, List<Map<String, String>>> table : expected.entrySet()) {
                assertThat(rows(restoredEu, table.getKey(), Set.of()))
                        .as(table.getKey())
                        .containsExactlyInAnyOrderElementsOf(table.getValue());
            }
            // This test's group's blobs (the shared stores also hold other tests' misplaced ones, which the
            // residency guard rightly refuses to open here).
            String prefix = "region-eu/blobs/groups/" + parka.groupId() + "/";
            List<String> blobs = manifest.files().keySet().stream()
                    .filter(path -> path.startsWith(prefix))
                    .map(path -> path.substring("region-eu/blobs/".length()))
                    .toList();
            assertThat(blobs).isNotEmpty();
            for (String key : blobs) {
                try (InputStream original = eu.blobs().open(key);
                        InputStream copy = restoredEu.blobs().open(key)) {
                    assertThat(copy.readAllBytes()).as(key).isEqualTo(original.readAllBytes());
                }
            }

            AuditTrail trails = restored.bean(AuditTrail.class);
            assertThat(trails.groupTrails()).contains(parka.groupId());
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int exit = restored.bean(RestoreCommand.class)
                    .run(List.of("--from", folder.toString()), new PrintStream(output, true, StandardCharsets.UTF_8));
            String verified = output.toString(StandardCharsets.UTF_8);
            assertThat(verified).contains("trail of group " + parka.groupId() + ": intact");
            assertThat(verified.contains("platform trail: intact"))
                    .as("the platform trail as intact as the original's")
                    .isEqualTo(audit.verify(null).ok());
            // The shared stores also hold trails other tests tampered with on purpose: restored, they must show
            // the same damage (a backup neither hides nor mends it), and the command then exits 1.
            java.util.regex.Matcher damaged = java.util.regex.Pattern.compile("trail of group (\\S+): NOT intact")
                    .matcher(verified);
            boolean anyDamaged = false;
            while (damaged.find()) {
                anyDamaged = true;
                assertThat(audit.verify(UUID.fromString(damaged.group(1))).ok())
                        .as("trail %s in the original installation", damaged.group(1))
                        .isFalse();
            }
            assertThat(exit)
                    .as(verified)
                    .isEqualTo(anyDamaged || !audit.verify(null).ok() ? 1 : 0);

            try (VersionContent content = restored.bean(Versions.class).download(version.id(), actor, null)) {
                assertThat(Channels.newInputStream(content.channel()).readAllBytes())
                        .isEqualTo(model);
            }
            assertThat(restored.bean(io.selvedge.content.Styles.class)
                            .get(parka.id())
                            .name())
                    .isEqualTo("Parka");
        }
    }

    private static TestServer restoring(Path backup, Path dataDir, String environment) {
        return TestServer.with()
                .property("selvedge.environment", environment)
                .property("selvedge.data-dir", dataDir.toString())
                .properties(TestDatabase.storeProperties(REGIONS))
                .property("selvedge.command", "restore")
                .property("spring.main.web-application-type", "none")
                .property("selvedge.command-arguments", "--from\u001f" + backup)
                .start();
    }

    /** An operator restores the master key from where they keep it, apart from the data's backups. */
    private static Path aDataDirectoryWithTheMasterKeyOf(Path source) throws Exception {
        Path target = TestServer.newDataDirectory("restored");
        Path key = source.resolve("keys/development-master.key");
        if (Files.exists(key)) {
            Files.createDirectories(target.resolve("keys"));
            Files.copy(key, target.resolve("keys/development-master.key"));
        }
        return target;
    }

    private static List<Map<String, String>> rows(Store store, String table, Set<UUID> leaveOut) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (Map<String, Object> row : JdbcClient.create(store.dataSource())
                .sql("select * from " + table)
                .query()
                .listOfRows()) {
            Object id = row.get("id");
            if (id != null && leaveOut.contains(id)) {
                continue;
            }
            Map<String, String> normal = new LinkedHashMap<>();
            row.forEach((column, value) -> normal.put(column.toLowerCase(java.util.Locale.ROOT), normal(value)));
            rows.add(normal);
        }
        return rows;
    }

    /** A value as text to compare: bytes as Base64, an array (search tokens) by its elements. */
    private static String normal(Object value) {
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof java.sql.Array array) {
            try {
                return java.util.Arrays.toString((Object[]) array.getArray());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return String.valueOf(value);
    }
}
