package io.selvedge.crypto.internal;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.Security;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Puts AWS-LC, through the Amazon Corretto Crypto Provider (ACCP), first among the JVM's crypto providers
 * before anything uses one ({@code selvedge.crypto.provider=accp}, the default). TLS (JSSE) and Tink then
 * run AES-GCM, SHA-2 and HMAC in AWS-LC's assembly rather than the JDK's Java: on JDK 17 a 1 GiB download
 * cost Selvedge half again as much CPU as nginx, most of it AES-GCM on both sides of the file
 * (bench/README.md). The protocols stay the JDK's and the keys Tink's; only the primitives move, all that
 * ACCP offers: with those three, ECDSA, RSA and Ed25519 signatures, ECDH, and the default
 * {@code SecureRandom} (AWS-LC's DRBG, seeded by the kernel). X25519 stays the JDK's.
 *
 * <p>Where ACCP's native library does not load (a platform it has no build for) or fails its self-tests,
 * the JDK's providers stay, and the log says why. {@code selvedge.crypto.provider=jdk} keeps them always.
 * The choice is the whole JVM's, so it is made once; a second application context in the same JVM (tests)
 * finds the provider already in place.
 */
class CryptoProviderSelection implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "selvedge.crypto.provider";

    /** The values of {@link #PROPERTY}: AWS-LC first, or the JDK's providers alone. */
    enum Choice {
        ACCP,
        JDK
    }

    private final Log log;

    CryptoProviderSelection(DeferredLogFactory logs) {
        this.log = logs.getLog(CryptoProviderSelection.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Choice choice = Binder.get(environment).bind(PROPERTY, Choice.class).orElse(Choice.ACCP);
        if (choice == Choice.JDK) {
            log.info("Cryptography: the JDK's providers (" + PROPERTY + "=jdk)");
            return;
        }
        String outcome = installAccp();
        if (outcome == null) {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            log.info("Cryptography: " + accp.getAwsLcVersionStr() + " (Amazon Corretto Crypto Provider "
                    + accp.getVersionStr()
                    + ") first (AES-GCM, SHA-2, HMAC, signatures, random numbers), then the JDK's providers");
        } else {
            log.warn("Cryptography: the JDK's providers; large transfers cost more CPU (" + outcome + ")");
        }
    }

    /** Installs ACCP first unless it already is; null when it is in place, else why it is not. */
    static synchronized String installAccp() {
        if (AmazonCorrettoCryptoProvider.PROVIDER_NAME.equals(Security.getProviders()[0].getName())) {
            return null;
        }
        try {
            AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
            Throwable loadingError = accp.getLoadingError();
            if (loadingError != null) {
                return "ACCP's native library did not load on " + System.getProperty("os.name") + " "
                        + System.getProperty("os.arch") + ": " + loadingError;
            }
            accp.assertHealthy();
            if (Security.getProvider(accp.getName()) != null) {
                Security.removeProvider(accp.getName()); // present further down: move it to the top
            }
            Security.insertProviderAt(accp, 1);
            return null;
        } catch (RuntimeException | LinkageError e) {
            return "ACCP is not usable here: " + e;
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }
}
