package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.crypto.tink.Aead;
import io.selvedge.crypto.CryptoProperties;
import io.selvedge.crypto.kms.KeyManagementService;
import io.selvedge.crypto.kms.KeyNotFoundException;
import io.selvedge.storage.StoreId;
import io.selvedge.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The PKCS#11 key store against SoftHSM2 (Debian packages {@code softhsm2} and {@code libsofthsm2}):
 * a token initialised in {@code target/softhsm2/}, found through {@code SOFTHSM2_CONF}, which the build
 * sets for the test JVMs. Skipped where SoftHSM2 is absent, except in CI.
 */
@Tag("store-independent")
class Pkcs11KeyStoreTest {

    private static final List<Path> LIBRARIES = List.of(
            Path.of("/usr/lib/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/lib/aarch64-linux-gnu/softhsm/libsofthsm2.so"),
            Path.of("/usr/local/lib/softhsm/libsofthsm2.so"));
    private static final String PIN = "1234";
    private static final byte[] AD = "selvedge/keyset/test".getBytes(StandardCharsets.UTF_8);

    static KeyManagementService token;

    @BeforeAll
    static void initialiseAToken() throws Exception {
        Path library = LIBRARIES.stream().filter(Files::isReadable).findFirst().orElse(null);
        String config = System.getenv("SOFTHSM2_CONF");
        requireOrSkip(library != null, "libsofthsm2.so is not installed (apt-get install -y softhsm2)");
        requireOrSkip(onPath("softhsm2-util"), "softhsm2-util is not installed (apt-get install -y softhsm2)");
        requireOrSkip(config != null, "SOFTHSM2_CONF is not set (the Maven build sets it)");

        Path tokens =
                Path.of("target", "softhsm2", "tokens-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(tokens);
        Files.createDirectories(Path.of(config).toAbsolutePath().getParent());
        Files.writeString(
                Path.of(config),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        long slot = initialiseToken("selvedge-test");

        token = new Pkcs11KeyStoreFactory()
                .open(
                        StoreId.region("eu"),
                        new CryptoProperties.Kms("pkcs11", new CryptoProperties.Pkcs11(library, slot, null, PIN)));
    }

    @AfterAll
    static void close() {
        if (token != null) {
            token.close();
        }
    }

    @Test
    void wrapsAndUnwrapsWithAnAesKeyThatNeverLeavesTheToken() throws Exception {
        token.create("kek-1");
        Aead kek = token.aead("kek-1");

        byte[] wrapped = kek.encrypt("a serialised keyset".getBytes(StandardCharsets.UTF_8), AD);

        assertThat(new String(kek.decrypt(wrapped, AD), StandardCharsets.UTF_8)).isEqualTo("a serialised keyset");
        assertThat(((Pkcs11KeyStore) token).isExtractable("kek-1")).isFalse();
        assertThat(token.names()).contains("kek-1");
    }

    @Test
    void aChangedByteOrOtherAssociatedDataFails() throws Exception {
        token.create("kek-tamper");
        Aead kek = token.aead("kek-tamper");
        byte[] wrapped = kek.encrypt(new byte[] {1, 2, 3, 4}, AD);
        byte[] changed = wrapped.clone();
        changed[changed.length - 1] ^= 1;

        assertThatThrownBy(() -> kek.decrypt(changed, AD)).isInstanceOf(GeneralSecurityException.class);
        assertThatThrownBy(() -> kek.decrypt(wrapped, "other".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(GeneralSecurityException.class);
    }

    @Test
    void aDestroyedKeyIsGoneFromTheToken() throws Exception {
        token.create("group-shredded");
        byte[] wrapped = token.aead("group-shredded").encrypt(new byte[] {9}, AD);

        token.destroy("group-shredded");

        assertThat(token.names()).doesNotContain("group-shredded");
        assertThatThrownBy(() -> token.aead("group-shredded")).isInstanceOf(KeyNotFoundException.class);
        assertThat(wrapped).isNotEmpty();
    }

    private static long initialiseToken(String label) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(
                        "softhsm2-util", "--init-token", "--free", "--label", label, "--pin", PIN, "--so-pin", "5678")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            fail("softhsm2-util could not initialise a token: " + output);
        }
        Matcher slot = Pattern.compile("reassigned to slot (\\d+)").matcher(output);
        if (!slot.find()) {
            fail("softhsm2-util did not say which slot the token is in: " + output);
        }
        return Long.parseLong(slot.group(1));
    }

    private static boolean onPath(String command) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String directory : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }

    private static void requireOrSkip(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (TestDatabase.isMandatory()) {
            fail(message + "; SoftHSM2 is mandatory in CI");
        }
        assumeTrue(false, message + ": the PKCS#11 test is skipped here (in CI it is mandatory)");
    }
}
