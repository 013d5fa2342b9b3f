package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.storage.StoreId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** A store's key health is UP while its key store unseals, and DOWN once its file is damaged under it. */
@Tag("store-independent")
class KeyStoreHealthTest {

    private static final StoreId EU = StoreId.region("eu");

    @TempDir
    Path dir;

    @BeforeAll
    static void tink() {
        Tink.register();
    }

    @Test
    void upWhileTheKeyStoreUnsealsAndItsKeyWrapsAProbe() throws Exception {
        try (LocalKeyStore store = LocalKeyStore.open(dir.resolve("region-eu.kek"), "region-eu", masterKey())) {
            store.create("kek-1");
            store.create("kek-2");

            Health health = KeyStoreHealth.check(EU, "local", store);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails())
                    .containsEntry("keyStore", "unsealed")
                    .containsEntry("keyEncryptionKey", "kek-2")
                    .containsEntry("kms", "local");
        }
    }

    @Test
    void downOnceTheKeyStoreFileNoLongerUnsealsAfterStart() throws Exception {
        Path file = dir.resolve("region-eu.kek");
        try (LocalKeyStore store = LocalKeyStore.open(file, "region-eu", masterKey())) {
            store.create("kek-1");
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String sealed =
                    text.substring(text.indexOf("sealed=") + "sealed=".length()).trim();
            byte[] damaged = Base64.getDecoder().decode(sealed);
            damaged[damaged.length / 2] ^= 0x01; // a bit rotted on disk, or a bad restore
            Files.writeString(file, text.replace(sealed, Base64.getEncoder().encodeToString(damaged)));

            Health health = KeyStoreHealth.check(EU, "local", store);

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("keyStore", "sealed or unreachable");
            assertThat(health.getDetails().toString()).doesNotContain(sealed);
        }
    }

    @Test
    void downWhenTheKeyStoreHoldsNoKeyEncryptionKey() throws Exception {
        try (LocalKeyStore store = LocalKeyStore.open(dir.resolve("region-eu.kek"), "region-eu", masterKey())) {
            assertThat(KeyStoreHealth.check(EU, "local", store).getStatus()).isEqualTo(Status.DOWN);
        }
    }

    private MasterKey masterKey() throws Exception {
        Path file = dir.resolve("master.key");
        Files.writeString(file, "a-test-master-key-0123456789abcdef0123456789abcdef");
        return MasterKey.resolve(
                MasterKeyTest.crypto(file, null),
                new PlatformProperties(
                        SelvedgeEnvironment.PRODUCTION,
                        dir,
                        8443,
                        java.net.URI.create("https://localhost:8443"),
                        null,
                        new PlatformProperties.Tls(null, null, null, null, Duration.ofSeconds(10)),
                        new PlatformProperties.TransferThreads(0)));
    }
}
