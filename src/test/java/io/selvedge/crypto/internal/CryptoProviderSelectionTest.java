package io.selvedge.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import io.selvedge.testing.ChildJvm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.mock.env.MockEnvironment;

class CryptoProviderSelectionTest {

    private static final String ACCP = AmazonCorrettoCryptoProvider.PROVIDER_NAME;

    private Provider[] before;

    @BeforeEach
    void startWithTheJdksProviders() {
        before = Security.getProviders();
        Security.removeProvider(ACCP);
    }

    @AfterEach
    void restoreTheProviders() {
        for (Provider provider : Security.getProviders()) {
            Security.removeProvider(provider.getName());
        }
        for (Provider provider : before) {
            Security.addProvider(provider);
        }
    }

    @Test
    void byDefaultAwsLcServesThePrimitivesWhereItsLibraryLoads() throws Exception {
        // CI runs on Linux x86_64, where ACCP must load: there the test fails rather than pass on the JDK.
        assumeThat(System.getProperty("os.name")).isEqualTo("Linux");
        assumeThat(System.getProperty("os.arch")).isIn("amd64", "aarch64");

        select(new MockEnvironment());

        assertThat(Security.getProviders()[0].getName()).isEqualTo(ACCP);
        assertThat(Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName())
                .isEqualTo(ACCP);
        assertThat(MessageDigest.getInstance("SHA-256").getProvider().getName()).isEqualTo(ACCP);
        assertThat(Mac.getInstance("HmacSHA256").getProvider().getName()).isEqualTo(ACCP);
        assertThat(Signature.getInstance("SHA256withECDSA").getProvider().getName())
                .isEqualTo(ACCP);
        assertThat(new SecureRandom().getProvider().getName()).isEqualTo(ACCP);
        // AWS-LC has no X25519 here: TLS key exchange keeps the JDK's.
        assertThat(KeyAgreement.getInstance("XDH").getProvider().getName()).isEqualTo("SunEC");
        assertThat(AesGcmWarmUp.needed()).as("nothing for the JIT to warm").isFalse();
    }

    @Test
    void awsLcAgreesWithTheJdkOnKnownAnswers() throws Exception {
        assumeThat(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError()).isNull();
        select(new MockEnvironment());
        Provider jdk = Security.getProvider("SunJCE");
        byte[] key = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] nonce = HexFormat.of().parseHex("cafebabefacedbaddecaf888");
        byte[] plaintext = "a garment nobody has seen yet".getBytes(StandardCharsets.UTF_8);

        byte[] byAwsLc = gcm(Cipher.getInstance("AES/GCM/NoPadding"), Cipher.ENCRYPT_MODE, key, nonce, plaintext);
        byte[] byJdk = gcm(Cipher.getInstance("AES/GCM/NoPadding", jdk), Cipher.ENCRYPT_MODE, key, nonce, plaintext);

        assertThat(byAwsLc).isEqualTo(byJdk);
        assertThat(gcm(Cipher.getInstance("AES/GCM/NoPadding", jdk), Cipher.DECRYPT_MODE, key, nonce, byAwsLc))
                .isEqualTo(plaintext);
        assertThat(MessageDigest.getInstance("SHA-256").digest(plaintext))
                .isEqualTo(MessageDigest.getInstance("SHA-256", "SUN").digest(plaintext));
    }

    @Test
    void jdkKeepsTheJdksProviders() throws Exception {
        Provider[] jdkProviders = Security.getProviders();
        MockEnvironment environment = new MockEnvironment().withProperty(CryptoProviderSelection.PROPERTY, "jdk");

        select(environment);

        assertThat(Arrays.stream(Security.getProviders()).map(Provider::getName))
                .containsExactlyElementsOf(
                        Arrays.stream(jdkProviders).map(Provider::getName).toList());
        assertThat(AesGcmWarmUp.needed())
                .as("the JDK's AES-GCM is warmed at start")
                .isTrue();
    }

    @Test
    void anUnknownChoiceStopsTheStart() {
        MockEnvironment environment = new MockEnvironment().withProperty(CryptoProviderSelection.PROPERTY, "openssl");

        assertThatThrownBy(() -> select(environment)).isInstanceOf(BindException.class);
        assertThat(Security.getProvider(ACCP)).isNull();
    }

    @Test
    void installingTwiceLeavesOneProviderFirst() {
        assumeThat(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError()).isNull();

        select(new MockEnvironment());
        select(new MockEnvironment());

        assertThat(Security.getProviders()[0].getName()).isEqualTo(ACCP);
        assertThat(Arrays.stream(Security.getProviders())
                        .filter(p -> p.getName().equals(ACCP)))
                .hasSize(1);
    }

    @Test
    void whereTheNativeLibraryDoesNotLoadTheJdksProvidersServeAndTheReasonIsGiven() throws Exception {
        // ACCP's own switch to skip its bundled library stands in for a platform it has no build for.
        Process process = ChildJvm.ofMain(CryptoProviderFallbackProbe.class)
                .option("-Dcom.amazon.corretto.crypto.provider.useExternalLib=true")
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output)
                .contains("outcome: ACCP's native library did not load on ")
                .contains("AES/GCM/NoPadding: SunJCE");
    }

    private static void select(MockEnvironment environment) {
        new CryptoProviderSelection(log -> log.get()).postProcessEnvironment(environment, new SpringApplication());
    }

    private static byte[] gcm(Cipher cipher, int mode, byte[] key, byte[] nonce, byte[] input) throws Exception {
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD(new byte[] {1, 2, 3});
        return cipher.doFinal(input);
    }
}
