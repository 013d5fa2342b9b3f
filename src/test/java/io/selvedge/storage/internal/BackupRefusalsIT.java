package io.selvedge.storage.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.storage.BackupManifest;
import io.selvedge.storage.StorageProperties;
import io.selvedge.storage.StoreBackups;
import io.selvedge.testing.SelvedgeIntegrationTest;
import io.selvedge.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * What restore refuses before it writes a byte: a backup of another environment, a file changed since the
 * backup, and stores that are not empty. (The restore itself: {@code backup.internal.BackupRestoreIT}.)
 */
@SelvedgeIntegrationTest
class BackupRefusalsIT {

    @Autowired
    StoreBackups backups;

    @Autowired
    PlatformProperties platform;

    @Autowired
    StorageProperties storage;

    @Autowired
    List<BlobStoreFactory> blobFactories;

    @Test
    void aBackupOfAnotherEnvironmentAChangedFileOrStoresInUseAreRefused() throws Exception {
        Path folder = TestServer.newDataDirectory("backup").resolve("backup");
        BackupManifest manifest = backups.backup(folder, "eu", List.of(), Map.of(), () -> {});
        assertThat(manifest.stores())
                .extracting(BackupManifest.StoreEntry::store)
                .containsExactly("region-eu");
        assertThat(manifest.files()).containsKey("region-eu/tables/selvedge_store_stamp.jsonl");

        assertThatThrownBy(() -> restoring(SelvedgeEnvironment.DEVELOPMENT, TestServer.newDataDirectory("restored"))
                        .restore(folder))
                .hasMessageContaining("backup of the test environment")
                .hasMessageContaining("runs as development");

        Path tampered = TestServer.newDataDirectory("tampered").resolve("backup");
        FileSystemUtils.copyRecursively(folder, tampered);
        Path table = tampered.resolve("region-eu/tables/content_style.jsonl");
        byte[] bytes = Files.readAllBytes(table);
        bytes[bytes.length / 2] ^= 1;
        Files.write(table, bytes);
        assertThatThrownBy(() -> restoring(SelvedgeEnvironment.TEST, TestServer.newDataDirectory("restored"))
                        .restore(tampered))
                .hasMessageContaining("region-eu/tables/content_style.jsonl")
                .hasMessageContaining("does not match its SHA-256");

        // This very installation: its stores hold data, so nothing is restored over them.
        assertThatThrownBy(() ->
                        restoring(SelvedgeEnvironment.TEST, platform.dataDir()).restore(folder))
                .hasMessageContaining("region-eu store")
                .hasMessageContaining("is not empty");
    }

    private StoreRestore restoring(SelvedgeEnvironment environment, Path dataDir) {
        PlatformProperties node = new PlatformProperties(
                environment,
                dataDir,
                platform.port(),
                platform.publicUrl(),
                platform.httpRedirectPort(),
                platform.tls(),
                platform.transfers());
        return new StoreRestore(node, storage, new BlobStoreFactories(blobFactories));
    }
}
