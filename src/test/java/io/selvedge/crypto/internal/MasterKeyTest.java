package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.selvedge.crypto.CryptoProperties;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import io.selvedge.platform.StartupRefusedException;
import io.selvedge.storage.StoreId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("store-independent")
class MasterKeyTest {

    @TempDir
    Path dataDir;

    @Test
    void developmentGeneratesAMasterKeyReadableOnlyByTheOwner() throws Exception {
        MasterKey key = MasterKey.resolve(crypto(null, null), platform(SelvedgeEnvironment.DEVELOPMENT));

        Path file = dataDir.resolve("keys/development-master.key");
        assertThat(key.source()).isEqualTo(MasterKey.Source.DEVELOPMENT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
    }

    @Test
    void productionRefusesToStartWithoutAMasterKey() {
        assertThatThrownBy(() -> MasterKey.resolve(crypto(null, null), platform(SelvedgeEnvironment.PRODUCTION)))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("needs a master key");
    }

    @Test
    void productionRefusesTheGeneratedDevelopmentMasterKey() {
        MasterKey.resolve(crypto(null, null), platform(SelvedgeEnvironment.DEVELOPMENT));
        Path generated = dataDir.resolve("keys/development-master.key");

        assertThatThrownBy(() -> MasterKey.resolve(crypto(generated, null), platform(SelvedgeEnvironment.PRODUCTION)))
                .isInstanceOf(StartupRefusedException.class)
                .hasMessageContaining("development master key");
    }

    @Test
    void productionRefusesAKeyStoreSealedUnderTheDevelopmentKeyEvenGivenAnotherKey() throws Exception {
        new LocalKeyStoreFactory(crypto(null, null), platform(SelvedgeEnvironment.DEVELOPMENT))
                .open(StoreId.region("eu"), CryptoProperties.Kms.local())
                .close();
        Path ownKey = Files.writeString(dataDir.resolve("own.key"), "0123456789abcdef0123456789abcdef-own-secret");

        assertThatThrownBy(
                        () -> new LocalKeyStoreFactory(crypto(ownKey, null), platform(SelvedgeEnvironment.PRODUCTION))
                                .open(StoreId.region("eu"), CryptoProperties.Kms.local()))
                .isInstanceOf(StartupRefusedException.class);
    }

    @Test
    void aShortKeyFileOrPassphraseIsRefused() throws Exception {
        Path shortKey = Files.writeString(dataDir.resolve("short.key"), "too short");

        assertThatThrownBy(() -> MasterKey.resolve(crypto(shortKey, null), platform(SelvedgeEnvironment.PRODUCTION)))
                .isInstanceOf(StartupRefusedException.class);
        assertThatThrownBy(() -> MasterKey.resolve(crypto(null, "short"), platform(SelvedgeEnvironment.PRODUCTION)))
                .isInstanceOf(StartupRefusedException.class);
    }

    @Test
    void thePassphraseNeverAppearsInTheSettingsText() {
        assertThat(crypto(null, "correct horse battery staple").toString())
                .doesNotContain("horse")
                .contains("(set)");
    }

    private PlatformProperties platform(SelvedgeEnvironment environment) {
        return new PlatformProperties(
                environment,
                dataDir,
                8443,
                java.net.URI.create("https://localhost:8443"),
                null,
                new PlatformProperties.Tls(null, null, null, null, Duration.ofSeconds(10)),
                new PlatformProperties.TransferThreads(0));
    }

    static CryptoProperties crypto(Path keyFile, String passphrase) {
        return new CryptoProperties(
                keyFile,
                passphrase,
                Duration.ofDays(30),
                Duration.ofHours(1),
                Duration.ofMinutes(5),
                200,
                CryptoProperties.Kms.local(),
                null);
    }
}
