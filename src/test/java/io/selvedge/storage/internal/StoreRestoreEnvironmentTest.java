package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.storage.BackupManifest;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("store-independent")
class StoreRestoreEnvironmentTest {

    @Test
    void aProductionBackupIsRestoredOnlyIntoProduction() {
        for (SelvedgeEnvironment node :
                List.of(SelvedgeEnvironment.DEVELOPMENT, SelvedgeEnvironment.TEST, SelvedgeEnvironment.STAGING)) {
            assertThatThrownBy(() -> StoreRestore.refuseOtherEnvironment(backupOf("production"), node))
                    .isInstanceOf(BackupRefusedException.class)
                    .hasMessageContaining("a production backup is restored only into production");
        }
        assertThatCode(() ->
                        StoreRestore.refuseOtherEnvironment(backupOf("production"), SelvedgeEnvironment.PRODUCTION))
                .doesNotThrowAnyException();
    }

    @Test
    void aBackupOfAnotherEnvironmentIsRefused() {
        assertThatThrownBy(
                        () -> StoreRestore.refuseOtherEnvironment(backupOf("staging"), SelvedgeEnvironment.PRODUCTION))
                .hasMessageContaining("backup of the staging environment");
        assertThatThrownBy(() -> StoreRestore.refuseOtherEnvironment(backupOf("test"), SelvedgeEnvironment.DEVELOPMENT))
                .hasMessageContaining("backup of the test environment");
        assertThatThrownBy(() -> StoreRestore.refuseOtherEnvironment(backupOf("qa"), SelvedgeEnvironment.TEST))
                .hasMessageContaining("no known environment");
    }

    @Test
    void aFileThatChangedOrWentMissingOrLeavesTheFolderFailsTheHashCheck(@TempDir Path dir) throws Exception {
        BackupFolder folder = new BackupFolder(dir);
        try (OutputStream out = folder.create("global/tables/account.jsonl")) {
            out.write("{\"columns\":[]}\n".getBytes());
        }
        BackupManifest manifest = new BackupManifest(
                1, "2026-12-06T00:00:00Z", "test", "i", List.of(), Map.of(), Map.copyOf(folder.written()));
        assertThatCode(() -> folder.verify(manifest)).doesNotThrowAnyException();

        Files.writeString(dir.resolve("global/tables/account.jsonl"), "{\"columns\":[]}\r\n");
        assertThatThrownBy(() -> folder.verify(manifest)).hasMessageContaining("does not match its SHA-256");
        Files.delete(dir.resolve("global/tables/account.jsonl"));
        assertThatThrownBy(() -> folder.verify(manifest)).hasMessageContaining("lacks the file");
        assertThatThrownBy(() -> folder.resolve("../outside")).hasMessageContaining("outside its folder");
        assertThatThrownBy(() -> folder.resolve("/etc/passwd")).hasMessageContaining("outside its folder");
    }

    private static BackupManifest backupOf(String environment) {
        return new BackupManifest(1, "2026-12-06T00:00:00Z", environment, "i", List.of(), Map.of(), Map.of());
    }
}
