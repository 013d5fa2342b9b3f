package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.Aead;
import io.selvedge.crypto.kms.KeyNotFoundException;
import io.selvedge.platform.PlatformProperties;
import io.selvedge.platform.SelvedgeEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("store-independent")
class LocalKeyStoreTest {

    private static final byte[] AD = "ad".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @BeforeAll
    static void tink() {
        Tink.register();
    }

    @Test
    void keysSurviveAReopenUnderTheSameMasterKey() throws Exception {
        Path file = dir.resolve("region-eu.kek");
        byte[] ciphertext;
        try (LocalKeyStore store = LocalKeyStore.open(file, "region-eu", keyFile("first-secret"))) {
            store.create("kek-1");
            ciphertext = store.aead("kek-1").encrypt("keyset".getBytes(StandardCharsets.UTF_8), AD);
        }
        try (LocalKeyStore store = LocalKeyStore.open(file, "region-eu", keyFile("first-secret"))) {
            assertThat(new String(store.aead("kek-1").decrypt(ciphertext, AD), StandardCharsets.UTF_8))
                    .isEqualTo("keyset");
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Files.readString(file)).doesNotContain("kek-1"); // names and keys are sealed
    }

    @Test
    void anotherMasterKeyCannotOpenIt() throws Exception {
        Path file = dir.resolve("region-eu.kek");
        try (LocalKeyStore store = LocalKeyStore.open(file, "region-eu", keyFile("first-secret"))) {
            store.create("kek-1");
        }

        assertThatThrownBy(() -> LocalKeyStore.open(file, "region-eu", keyFile("other-secret")))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aPassphraseIsStretchedWithArgon2idWhoseParametersAreRecorded() throws Exception {
        Path file = dir.resolve("global.kek");
        MasterKey passphrase = MasterKey.resolve(
                MasterKeyTest.crypto(null, "a long enough passphrase"), platform(SelvedgeEnvironment.PRODUCTION));
        try (LocalKeyStore store = LocalKeyStore.open(file, "global", passphrase)) {
            store.create("kek-1");
        }

        assertThat(Files.readString(file))
                .contains("kdf=argon2id", "argon2id.memory-kib=65536", "argon2id.iterations=3", "master=PASSPHRASE");
        try (LocalKeyStore store = LocalKeyStore.open(file, "global", passphrase)) {
            assertThat(store.names()).containsExactly("kek-1");
        }
    }

    @Test
    void aDestroyedKeyIsGoneForGood() throws Exception {
        Path file = dir.resolve("region-us.kek");
        byte[] ciphertext;
        try (LocalKeyStore store = LocalKeyStore.open(file, "region-us", keyFile("first-secret"))) {
            store.create("group-1");
            Aead aead = store.aead("group-1");
            ciphertext = aead.encrypt(new byte[] {1, 2, 3}, AD);
            store.destroy("group-1");
            assertThatThrownBy(() -> store.aead("group-1")).isInstanceOf(KeyNotFoundException.class);
        }
        try (LocalKeyStore store = LocalKeyStore.open(file, "region-us", keyFile("first-secret"))) {
            assertThat(store.names()).doesNotContain("group-1");
            assertThat(ciphertext).isNotEmpty();
        }
    }

    @Test
    void anotherProcessesNewKeyIsFoundWithoutARestart() throws Exception {
        Path file = dir.resolve("region-eu.kek");
        try (LocalKeyStore server = LocalKeyStore.open(file, "region-eu", keyFile("first-secret"));
                LocalKeyStore operatorCommand = LocalKeyStore.open(file, "region-eu", keyFile("first-secret"))) {
            server.create("group-a");
            operatorCommand.create("kek-2");
            server.create("group-b");

            assertThat(server.aead("kek-2")).isNotNull();
            assertThat(operatorCommand.names()).containsExactlyInAnyOrder("group-a", "group-b", "kek-2");
        }
    }

    private MasterKey keyFile(String secret) throws Exception {
        Path file = dir.resolve(secret + ".key");
        Files.writeString(file, secret + "-0123456789abcdef0123456789abcdef");
        return MasterKey.resolve(MasterKeyTest.crypto(file, null), platform(SelvedgeEnvironment.PRODUCTION));
    }

    private PlatformProperties platform(SelvedgeEnvironment environment) {
        return new PlatformProperties(
                environment,
                dir,
                8443,
                java.net.URI.create("https://localhost:8443"),
                null,
                new PlatformProperties.Tls(null, null, null, null, Duration.ofSeconds(10)),
                new PlatformProperties.TransferThreads(0));
    }
}
